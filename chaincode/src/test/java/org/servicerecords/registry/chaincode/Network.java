package org.servicerecords.registry.chaincode;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.ContractRouter;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.hyperledger.fabric.contract.routing.ContractDefinition;
import org.hyperledger.fabric.contract.routing.RoutingRegistry;
import org.hyperledger.fabric.contract.systemcontract.SystemContract;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;
import org.hyperledger.fabric.protos.peer.SignedProposal;
import org.hyperledger.fabric.shim.Chaincode;
import org.hyperledger.fabric.shim.ResponseUtils;
import org.servicerecords.registry.model.ErrorCode;

/**
 * A channel of in-memory ledgers (one per chaincode name) served through the shim's real {@link
 * ContractRouter}: transaction names, argument counts, {@code beforeTransaction} and error
 * responses behave as on a peer. Each call runs as the process of its chaincode's package, so the
 * {@link ServedRole} check sees the package id of that process; chaincode-to-chaincode calls run in
 * the called chaincode's process with its own stub and ledger, and the caller's proposal.
 */
final class Network {

  static final String CHANNEL = "registry";
  static final String RECORDS_PACKAGE = "records_0.1.0:" + "a".repeat(64);
  static final String GOVERNANCE_PACKAGE = "governance_0.1.0:" + "b".repeat(64);

  private static ContractRouter router;

  /** Held strongly so that its level survives garbage collection of unreferenced loggers. */
  private static final java.util.logging.Logger SHIM_LOGGER =
      java.util.logging.Logger.getLogger("org.hyperledger");

  private final Map<String, Ledger> ledgers = new HashMap<>();
  private final Map<String, String> packages = new HashMap<>();
  private String servedPackage;

  /**
   * Per transaction id, the packages a chaincode-to-chaincode call went into, and the repeated
   * calls found: see {@link #invokeNested}.
   */
  private final Map<String, Set<String>> nestedCalls = new HashMap<>();

  private final List<String> repeatedNestedCalls = new ArrayList<>();
  private Instant clock = Instant.parse("2025-01-01T00:00:00Z");
  private int transactions;

  /** A caller: MSP, user name and certificate attributes. */
  record User(String msp, String name, Map<String, String> attributes) {
    byte[] creator() {
      return Identities.creator(msp, name, attributes);
    }
  }

  /** The outcome of one transaction. */
  record Result(
      int status,
      String message,
      String payload,
      List<Ledger.Write> writes,
      List<ChaincodeEvent> events,
      String txId,
      Instant timestamp,
      InMemoryStub stub) {

    boolean ok() {
      return status == Chaincode.Response.Status.SUCCESS.getCode();
    }

    ErrorCode code() {
      return ok() ? null : ErrorCode.fromMessage(message);
    }

    String event() {
      return events.isEmpty() ? null : events.get(0).getPayload().toStringUtf8();
    }
  }

  Ledger ledger(String chaincode) {
    return ledgers.computeIfAbsent(chaincode, Ledger::new);
  }

  /** Every ledger created so far, by chaincode name. */
  SortedMap<String, Ledger> ledgers() {
    return Collections.unmodifiableSortedMap(new TreeMap<>(ledgers));
  }

  Instant now() {
    return clock;
  }

  void advance(Duration duration) {
    clock = clock.plus(duration);
  }

  /** Serves a chaincode name from a package other than the default for its kind. */
  void servePackage(String chaincode, String packageId) {
    packages.put(chaincode, packageId);
  }

  Call call(String chaincode, String function, String... args) {
    return new Call(chaincode, function, args);
  }

  /** A transaction being prepared. */
  final class Call {
    private final String chaincode;
    private final List<byte[]> args = new ArrayList<>();
    private final Map<String, byte[]> transientMap = new LinkedHashMap<>();
    private User user;
    private String peerMsp;
    private boolean peerMspSet;
    private Instant timestamp;
    private Instant endorserNow;

    /** A {@code null} function sends no argument at all (not even a transaction name). */
    private Call(String chaincode, String function, String... arguments) {
      this.chaincode = chaincode;
      if (function != null) {
        args.add(function.getBytes(StandardCharsets.UTF_8));
      }
      for (String a : arguments) {
        args.add(a.getBytes(StandardCharsets.UTF_8));
      }
    }

    Call by(User caller) {
      this.user = caller;
      return this;
    }

    Call onPeerOf(String msp) {
      this.peerMsp = msp;
      this.peerMspSet = true;
      return this;
    }

    Call at(Instant instant) {
      this.timestamp = instant;
      return this;
    }

    /**
     * Sets the endorsing peer's clock for this call; by default it shows the transaction's own
     * timestamp (a client whose clock agrees with the peer's).
     */
    Call endorserClockAt(Instant instant) {
      this.endorserNow = instant;
      return this;
    }

    Call withTransient(String key, String value) {
      transientMap.put(key, value.getBytes(StandardCharsets.UTF_8));
      return this;
    }

    Call withTransient(String key, byte[] value) {
      transientMap.put(key, value.clone());
      return this;
    }

    /** Endorses and, when it succeeds, commits. */
    Result submit() {
      Result result = run();
      if (result.ok()) {
        ledger(chaincode).commit(result.txId(), result.timestamp(), result.writes());
      }
      clock = clock.plusSeconds(60);
      return result;
    }

    /** Endorses only; nothing is committed. */
    Result evaluate() {
      return run();
    }

    private Result run() {
      if (user == null) {
        throw new IllegalStateException("a call needs a caller");
      }
      String txId = String.format("%064x", ++transactions);
      Instant ts = timestamp == null ? clock : timestamp;
      String peer = peerMspSet ? peerMsp : user.msp();
      SignedProposal proposal = InMemoryStub.proposal(chaincode, args, transientMap);
      InMemoryStub stub =
          new InMemoryStub(
              ledger(chaincode),
              CHANNEL,
              txId,
              ts,
              user.creator(),
              peer,
              transientMap,
              proposal,
              args,
              Network.this::invokeNested);
      Chaincode.Response response;
      EndorsementClock.use(
          java.time.Clock.fixed(endorserNow == null ? ts : endorserNow, java.time.ZoneOffset.UTC));
      try {
        response = route(chaincode, stub);
      } finally {
        nestedCalls.remove(txId);
      }
      if (!repeatedNestedCalls.isEmpty()) {
        String found = String.join("; ", repeatedNestedCalls);
        repeatedNestedCalls.clear();
        throw new AssertionError(found);
      }
      return new Result(
          response.getStatusCode(),
          response.getMessage(),
          response.getPayload() == null ? null : response.getStringPayload(),
          List.copyOf(stub.writes),
          List.copyOf(stub.events),
          txId,
          ts,
          stub);
    }
  }

  /**
   * Runs a chaincode-to-chaincode call in the called chaincode's process.
   *
   * <p>A second call into the same package within one transaction fails, as it does on a peer: the
   * Java shim (2.5.10, {@code InvocationTaskManager}) keys the tasks of a process by channel and
   * transaction id and removes a task's entry by that key after the task has sent its answer. The
   * second call of a transaction has the same key; when it arrives before the first task's removal
   * has run, that removal deletes the second task's entry, the peer's answer to its first ledger
   * read finds no task ("Task map missing entry"), the call fails and its thread waits forever.
   * Seen on the real network under concurrent verifications. The call is answered with the shim's
   * error and the transaction fails with an {@link AssertionError} naming the repeated call.
   */
  private Chaincode.Response invokeNested(
      InMemoryStub caller, String chaincode, List<byte[]> arguments) {
    String calledPackage = packageOf(chaincode);
    if (!nestedCalls.computeIfAbsent(caller.txId, t -> new HashSet<>()).add(calledPackage)) {
      repeatedNestedCalls.add(
          "a second chaincode-to-chaincode call into package "
              + calledPackage
              + " in transaction "
              + caller.txId
              + " ("
              + new String(arguments.get(0), StandardCharsets.UTF_8)
              + "): on a peer the shim may lose it (Task map missing entry)");
      return ResponseUtils.newErrorResponse("Failed to send response to task");
    }
    InMemoryStub called =
        new InMemoryStub(
            ledger(chaincode),
            caller.channelId,
            caller.txId,
            caller.timestamp,
            caller.creator,
            caller.peerMsp,
            caller.transientMap,
            caller.signedProposal,
            arguments,
            this::invokeNested);
    Chaincode.Response response = route(chaincode, called);
    caller.reads.addAll(called.reads);
    if (!called.writes.isEmpty() || !called.events.isEmpty()) {
      throw new AssertionError("a called chaincode wrote during a records transaction");
    }
    return response;
  }

  private Chaincode.Response route(String chaincode, InMemoryStub stub) {
    String previous = servedPackage;
    servedPackage = packageOf(chaincode);
    ServedRole.useEnvironment(
        name -> ServedRole.PACKAGE_ID_VARIABLE.equals(name) ? servedPackage : null);
    try {
      return router().invoke(stub);
    } finally {
      servedPackage = previous;
    }
  }

  private String packageOf(String chaincode) {
    String configured = packages.get(chaincode);
    if (configured != null) {
      return configured;
    }
    return chaincode.startsWith("governance") ? GOVERNANCE_PACKAGE : RECORDS_PACKAGE;
  }

  /**
   * Silences the shim: it logs every invocation at INFO and every refusal with a stack trace at
   * SEVERE, which the results already carry (thousands of lines per property test). The contract's
   * own loggers are left alone.
   */
  private static void quietShimLogging() {
    java.util.logging.LogManager manager = java.util.logging.LogManager.getLogManager();
    for (String name : Collections.list(manager.getLoggerNames())) {
      if (name.startsWith("org.hyperledger")) {
        java.util.logging.Logger logger = manager.getLogger(name);
        if (logger != null) {
          logger.setLevel(java.util.logging.Level.OFF);
        }
      }
    }
    SHIM_LOGGER.setLevel(java.util.logging.Level.OFF);
  }

  /**
   * The contracts {@code ContractRouter} finds by scanning the class path (ClassGraph over every
   * jar of the test class path, about ten seconds here), for {@link
   * #registerContractsWithoutScanning}.
   */
  static final List<Class<?>> CONTRACTS =
      List.of(SystemContract.class, GovernanceContract.class, RecordsContract.class);

  private static synchronized ContractRouter router() {
    if (router == null) {
      try {
        ContractRouter created = new ContractRouter(new String[] {"-i", "unit-tests:0"});
        Method find = ContractRouter.class.getDeclaredMethod("findAllContracts");
        find.setAccessible(true);
        find.invoke(created);
        quietShimLogging();
        router = created;
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot start the contract router", e);
      }
    }
    return router;
  }

  /**
   * Starts the router with {@link #CONTRACTS} registered the way the shim registers what its scan
   * finds ({@code RoutingRegistryImpl.addContracts}: the contract, then each {@code @Transaction}
   * method), skipping the scan; for the short-lived child JVM of {@link CrossJvmDeterminismTest}.
   * Every other test routes through the scanning router.
   */
  @SuppressWarnings("unchecked")
  static synchronized void registerContractsWithoutScanning() {
    if (router != null) {
      throw new IllegalStateException("the router is already started");
    }
    try {
      ContractRouter created = new ContractRouter(new String[] {"-i", "unit-tests:0"});
      Method registryOf = ContractRouter.class.getDeclaredMethod("getRoutingRegistry");
      registryOf.setAccessible(true);
      RoutingRegistry registry = (RoutingRegistry) registryOf.invoke(created);
      for (Class<?> contract : CONTRACTS) {
        ContractDefinition definition =
            registry.addNewContract((Class<ContractInterface>) contract);
        for (Method method : contract.getMethods()) {
          if (method.getAnnotation(Transaction.class) != null) {
            definition.addTxFunction(method);
          }
        }
      }
      quietShimLogging();
      router = created;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot start the contract router", e);
    }
  }

  /** The contracts the router serves: name to class, the default one marked. */
  static SortedMap<String, String> routedContracts() {
    try {
      Method registryOf = ContractRouter.class.getDeclaredMethod("getRoutingRegistry");
      registryOf.setAccessible(true);
      RoutingRegistry registry = (RoutingRegistry) registryOf.invoke(router());
      SortedMap<String, String> names = new TreeMap<>();
      for (ContractDefinition definition : registry.getAllDefinitions()) {
        names.put(
            definition.getName(),
            definition.getContractImpl().getName() + (definition.isDefault() ? " (default)" : ""));
      }
      return names;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read the routing registry", e);
    }
  }
}
