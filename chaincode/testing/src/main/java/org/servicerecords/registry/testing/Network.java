package org.servicerecords.registry.testing;

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
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
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

/**
 * (About 670 lines, kept whole: the builder, a call with its nested chaincode-to-chaincode calls,
 * and the routing share one network's ledgers, clock and package ids.)
 *
 * <p>A channel of in-memory ledgers (one per chaincode name) served through the shim's real {@link
 * ContractRouter}: transaction names, argument counts, {@code beforeTransaction} and error
 * responses behave as on a peer. Each call runs as the process of its chaincode's package: before
 * the contract code runs, the {@link ProcessSetup} given to the {@link Builder} is told that
 * package's id and the endorsing peer's clock. Chaincode-to-chaincode calls run in the called
 * chaincode's process with its own stub and ledger, and the caller's proposal.
 *
 * <p>The harness knows no contract: its user names the contract classes ({@link Builder#contracts})
 * or lets the shim scan the class path for them ({@link Builder#scanClassPath}), as a chaincode
 * process does when it starts.
 *
 * <p>Transactions run one at a time: a call from several threads waits for the one running (the
 * chaincode process's set-up, its clock and served package, is one per JVM); reading a {@link
 * Ledger} while another thread submits is not safe. The router of a set of contracts is started
 * once per JVM and shared by every network routing to that set.
 */
public final class Network {

  /** The channel every network models. */
  public static final String CHANNEL = "registry";

  /** Where the clock of a new network starts. */
  public static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

  /**
   * Sets up a chaincode process for the code under test, before the harness runs that process's
   * code for a transaction (and again when a chaincode-to-chaincode call returns to the caller's
   * process). On a peer these are what a chaincode process reads from its surroundings: the package
   * id it was started for, and the host's clock.
   */
  @FunctionalInterface
  public interface ProcessSetup {
    /**
     * Enters a chaincode process.
     *
     * @param packageId the package id the process serves ({@code <label>:<hash>}, the value of
     *     {@code CORE_CHAINCODE_ID_NAME})
     * @param peerNow what the endorsing peer's clock reads during this transaction
     */
    void enter(String packageId, Instant peerNow);
  }

  /** Builds a {@link Network}; see {@link Network#builder()}. */
  public static final class Builder {
    private List<Class<? extends ContractInterface>> contracts;
    private ProcessSetup processSetup = (packageId, peerNow) -> {};
    private UnaryOperator<String> packageIds = Network::defaultPackageId;

    private Builder() {}

    /**
     * Routes to these contracts (and the shim's {@link SystemContract}), registered as the shim
     * registers what its class-path scan finds, without the scan (which takes seconds).
     *
     * @param contractClasses the contract classes
     * @return this builder
     */
    public Builder contracts(List<Class<? extends ContractInterface>> contractClasses) {
      this.contracts = List.copyOf(contractClasses);
      return this;
    }

    /**
     * Routes to every contract the shim's own class-path scan finds, as a chaincode process does
     * (the default). The scan covers every jar of the class path: about ten seconds, once per JVM.
     *
     * @return this builder
     */
    public Builder scanClassPath() {
      this.contracts = null;
      return this;
    }

    /**
     * Sets the hook told of each process entered; by default nothing is told.
     *
     * @param setup the hook
     * @return this builder
     */
    public Builder processSetup(ProcessSetup setup) {
      this.processSetup = Objects.requireNonNull(setup, "setup");
      return this;
    }

    /**
     * Sets the package id serving each chaincode name unless {@link Network#servePackage} overrides
     * it; by default {@code <name>_1.0:<64 hex digits>}.
     *
     * @param packageIdOfChaincode chaincode name to package id
     * @return this builder
     */
    public Builder packageIds(UnaryOperator<String> packageIdOfChaincode) {
      this.packageIds = Objects.requireNonNull(packageIdOfChaincode, "packageIdOfChaincode");
      return this;
    }

    /**
     * A network with empty ledgers, its clock at {@link #START}.
     *
     * @return the network
     */
    public Network build() {
      return new Network(this);
    }
  }

  /**
   * A caller: MSP, user name and certificate attributes.
   *
   * @param msp the caller's MSP id
   * @param name its enrollment id
   * @param attributes its certificate attributes
   */
  public record User(String msp, String name, Map<String, String> attributes) {
    /**
     * The caller's serialized identity.
     *
     * @return {@link Identities#creator} of this user
     */
    public byte[] creator() {
      return Identities.creator(msp, name, attributes);
    }
  }

  /**
   * The outcome of one transaction.
   *
   * @param status the response status (200 on success)
   * @param message the error message, {@code null} on success
   * @param payload the payload as UTF-8, or {@code null}
   * @param writes the write set
   * @param events the events set
   * @param txId the transaction id
   * @param timestamp the transaction timestamp
   * @param stub the stub the transaction ran on (for its reads and counters)
   */
  public record Result(
      int status,
      String message,
      String payload,
      List<Ledger.Write> writes,
      List<ChaincodeEvent> events,
      String txId,
      Instant timestamp,
      InMemoryStub stub) {

    /**
     * Whether the transaction succeeded.
     *
     * @return whether the status is 200
     */
    public boolean ok() {
      return status == Chaincode.Response.Status.SUCCESS.getCode();
    }

    /**
     * The first event's payload.
     *
     * @return it as UTF-8, or {@code null} if no event was set
     */
    public String event() {
      return events.isEmpty() ? null : events.get(0).getPayload().toStringUtf8();
    }
  }

  /**
   * Held while a transaction runs, by every network of this JVM: what {@link ProcessSetup} enters
   * (the package id served, the endorsing peer's clock) is the process's, not one network's, so
   * transactions run one at a time even when a test calls from several threads. A chaincode-to-
   * chaincode call runs on the caller's thread, inside the caller's hold.
   */
  private static final Object PROCESS = new Object();

  /** Routers by contract set ({@code null}: the scanning router). */
  private static final Map<List<Class<? extends ContractInterface>>, ContractRouter> ROUTERS =
      new HashMap<>();

  /** Held strongly so that its level survives garbage collection of unreferenced loggers. */
  private static final java.util.logging.Logger SHIM_LOGGER =
      java.util.logging.Logger.getLogger("org.hyperledger");

  private final List<Class<? extends ContractInterface>> contracts;
  private final ProcessSetup processSetup;
  private final UnaryOperator<String> packageIds;
  private final Map<String, Ledger> ledgers = new HashMap<>();
  private final Map<String, String> packages = new HashMap<>();

  /**
   * Per transaction id, the packages a chaincode-to-chaincode call went into, and the repeated
   * calls found: see {@link #invokeNested}.
   */
  private final Map<String, Set<String>> nestedCalls = new HashMap<>();

  private final List<String> repeatedNestedCalls = new ArrayList<>();
  private Instant clock = START;
  private Instant peerNow;
  private int transactions;

  private Network(Builder builder) {
    this.contracts = builder.contracts;
    this.processSetup = builder.processSetup;
    this.packageIds = builder.packageIds;
  }

  private Network(Network original) {
    this.contracts = original.contracts;
    this.processSetup = original.processSetup;
    this.packageIds = original.packageIds;
    original.ledgers.forEach((chaincode, ledger) -> ledgers.put(chaincode, ledger.copy()));
    packages.putAll(original.packages);
    clock = original.clock;
    transactions = original.transactions;
  }

  /**
   * A builder; by default the network scans the class path for contracts, tells no process
   * anything, and serves each chaincode name from a package id derived from it.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A network in this one's state and independent of it: a copy of every ledger, the clock, the
   * count of transactions (so the next transaction ids are the same) and the packages served, with
   * the same contracts, process set-up and package ids. What runs on the copy then answers and
   * commits as it would on this network, which it leaves unchanged: a test can set a state up once
   * and run each case on a copy of it (the fuzz test does, per input), instead of setting it up
   * again each time.
   *
   * @return the copy
   */
  public Network copy() {
    synchronized (PROCESS) {
      return new Network(this);
    }
  }

  /**
   * The committed state of a chaincode name, created empty on first use.
   *
   * @param chaincode the chaincode name
   * @return its ledger
   */
  public Ledger ledger(String chaincode) {
    return ledgers.computeIfAbsent(chaincode, Ledger::new);
  }

  /**
   * Every ledger created so far.
   *
   * @return chaincode name to ledger, sorted by name (unmodifiable)
   */
  public SortedMap<String, Ledger> ledgers() {
    return Collections.unmodifiableSortedMap(new TreeMap<>(ledgers));
  }

  /**
   * The network's clock: the timestamp of the next transaction that sets none.
   *
   * @return the current instant
   */
  public Instant now() {
    return clock;
  }

  /**
   * Moves the clock forward. Every submitted transaction also moves it by a minute.
   *
   * @param duration how far
   */
  public void advance(Duration duration) {
    clock = clock.plus(duration);
  }

  /**
   * Serves a chaincode name from a package other than the builder's for it.
   *
   * @param chaincode the chaincode name
   * @param packageId the package id
   */
  public void servePackage(String chaincode, String packageId) {
    packages.put(chaincode, packageId);
  }

  /**
   * Prepares a transaction.
   *
   * @param chaincode the chaincode name
   * @param function the transaction name (with its contract prefix); {@code null} sends no argument
   *     at all (not even a transaction name)
   * @param args the arguments
   * @return the call, to be given a caller and then submitted or evaluated
   */
  public Call call(String chaincode, String function, String... args) {
    return new Call(chaincode, function, args);
  }

  /** A transaction being prepared. */
  public final class Call {
    private final String chaincode;
    private final List<byte[]> args = new ArrayList<>();
    private final Map<String, byte[]> transientMap = new LinkedHashMap<>();
    private User user;
    private String peerMsp;
    private boolean peerMspSet;
    private Instant timestamp;
    private Instant endorserNow;

    private Call(String chaincode, String function, String... arguments) {
      this.chaincode = chaincode;
      if (function != null) {
        args.add(function.getBytes(StandardCharsets.UTF_8));
      }
      for (String a : arguments) {
        args.add(a.getBytes(StandardCharsets.UTF_8));
      }
    }

    /**
     * Sets the caller (required).
     *
     * @param caller the caller
     * @return this call
     */
    public Call by(User caller) {
      this.user = caller;
      return this;
    }

    /**
     * Endorses on a peer of this organisation; by default the caller's own.
     *
     * @param msp the peer's MSP id, or {@code null} for a peer whose MSP id is unset
     * @return this call
     */
    public Call onPeerOf(String msp) {
      this.peerMsp = msp;
      this.peerMspSet = true;
      return this;
    }

    /**
     * Sets the transaction timestamp; by default the network's {@link #now()}.
     *
     * @param instant the timestamp
     * @return this call
     */
    public Call at(Instant instant) {
      this.timestamp = instant;
      return this;
    }

    /**
     * Sets the endorsing peer's clock for this call; by default it shows the transaction's own
     * timestamp (a client whose clock agrees with the peer's).
     *
     * @param instant what the peer's clock reads
     * @return this call
     */
    public Call endorserClockAt(Instant instant) {
      this.endorserNow = instant;
      return this;
    }

    /**
     * Adds a transient entry (entries reach the contract in the order added).
     *
     * @param key the key
     * @param value the value, as UTF-8
     * @return this call
     */
    public Call withTransient(String key, String value) {
      transientMap.put(key, value.getBytes(StandardCharsets.UTF_8));
      return this;
    }

    /**
     * Adds a transient entry (entries reach the contract in the order added).
     *
     * @param key the key
     * @param value the value
     * @return this call
     */
    public Call withTransient(String key, byte[] value) {
      transientMap.put(key, value.clone());
      return this;
    }

    /**
     * Endorses and, when it succeeds, commits; then moves the network's clock by a minute.
     *
     * @return the outcome
     */
    public Result submit() {
      synchronized (PROCESS) {
        Result result = run();
        if (result.ok()) {
          ledger(chaincode).commit(result.txId(), result.timestamp(), result.writes());
        }
        clock = clock.plusSeconds(60);
        return result;
      }
    }

    /**
     * Endorses only; nothing is committed.
     *
     * @return the outcome
     */
    public Result evaluate() {
      return run();
    }

    private Result run() {
      if (user == null) {
        throw new IllegalStateException("a call needs a caller");
      }
      synchronized (PROCESS) {
        return runAlone();
      }
    }

    private Result runAlone() {
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
      peerNow = endorserNow == null ? ts : endorserNow;
      try {
        response = route(chaincode, stub, null);
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
          List.copyOf(stub.writes()),
          List.copyOf(stub.events()),
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
   * read finds no task ("Task map missing entry"), the call fails and its thread waits forever. The
   * call is answered with the shim's error and the transaction fails with an {@link AssertionError}
   * naming the repeated call.
   *
   * <p>A called chaincode's writes are not modelled: one that writes fails the transaction with an
   * {@link AssertionError}.
   */
  private Chaincode.Response invokeNested(
      InMemoryStub caller, String chaincode, List<byte[]> arguments) {
    String calledPackage = packageOf(chaincode);
    if (!nestedCalls.computeIfAbsent(caller.getTxId(), t -> new HashSet<>()).add(calledPackage)) {
      repeatedNestedCalls.add(
          "a second chaincode-to-chaincode call into package "
              + calledPackage
              + " in transaction "
              + caller.getTxId()
              + " ("
              + new String(arguments.get(0), StandardCharsets.UTF_8)
              + "): on a peer the shim may lose it (Task map missing entry)");
      return ResponseUtils.newErrorResponse("Failed to send response to task");
    }
    InMemoryStub called =
        new InMemoryStub(
            ledger(chaincode),
            caller.getChannelId(),
            caller.getTxId(),
            caller.getTxTimestamp(),
            caller.getCreator(),
            caller.peerMsp(),
            caller.getTransient(),
            caller.getSignedProposal(),
            arguments,
            this::invokeNested);
    Chaincode.Response response = route(chaincode, called, packageOf(caller.ledger().namespace()));
    caller.reads().addAll(called.reads());
    if (!called.writes().isEmpty() || !called.events().isEmpty()) {
      throw new AssertionError(
          "the called chaincode "
              + chaincode
              + " wrote: writes of called chaincodes are not"
              + " modelled");
    }
    return response;
  }

  /** Runs the chaincode's process, then re-enters the caller's process (if any). */
  private Chaincode.Response route(String chaincode, InMemoryStub stub, String callerPackage) {
    processSetup.enter(packageOf(chaincode), peerNow);
    try {
      return router().invoke(stub);
    } finally {
      if (callerPackage != null) {
        processSetup.enter(callerPackage, peerNow);
      }
    }
  }

  private String packageOf(String chaincode) {
    String configured = packages.get(chaincode);
    return configured != null ? configured : packageIds.apply(chaincode);
  }

  private static String defaultPackageId(String chaincode) {
    StringBuilder hash = new StringBuilder();
    for (byte b : Ledger.sha256(chaincode.getBytes(StandardCharsets.UTF_8))) {
      hash.append(String.format("%02x", b));
    }
    return chaincode + "_1.0:" + hash;
  }

  /**
   * The contracts the router of this network serves.
   *
   * @return contract name to class name, the default contract marked {@code (default)}
   */
  public SortedMap<String, String> routedContracts() {
    try {
      SortedMap<String, String> names = new TreeMap<>();
      for (ContractDefinition definition : registryOf(router()).getAllDefinitions()) {
        names.put(
            definition.getName(),
            definition.getContractImpl().getName() + (definition.isDefault() ? " (default)" : ""));
      }
      return names;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read the routing registry", e);
    }
  }

  private ContractRouter router() {
    synchronized (ROUTERS) {
      ContractRouter router = ROUTERS.get(contracts);
      if (router == null) {
        router = contracts == null ? scanningRouter() : registeringRouter(contracts);
        quietShimLogging();
        ROUTERS.put(contracts, router);
      }
      return router;
    }
  }

  private static ContractRouter scanningRouter() {
    try {
      ContractRouter created = new ContractRouter(new String[] {"-i", "unit-tests:0"});
      Method find = ContractRouter.class.getDeclaredMethod("findAllContracts");
      find.setAccessible(true);
      find.invoke(created);
      return created;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot start the contract router", e);
    }
  }

  /**
   * A router with the contracts registered the way the shim registers what its scan finds ({@code
   * RoutingRegistryImpl.addContracts}: the contract, then each {@code @Transaction} method).
   */
  @SuppressWarnings("unchecked")
  private static ContractRouter registeringRouter(
      List<Class<? extends ContractInterface>> contracts) {
    try {
      ContractRouter created = new ContractRouter(new String[] {"-i", "unit-tests:0"});
      RoutingRegistry registry = registryOf(created);
      List<Class<? extends ContractInterface>> all = new ArrayList<>();
      all.add(SystemContract.class);
      all.addAll(contracts);
      for (Class<? extends ContractInterface> contract : all) {
        ContractDefinition definition =
            registry.addNewContract((Class<ContractInterface>) contract);
        for (Method method : contract.getMethods()) {
          if (method.getAnnotation(Transaction.class) != null) {
            definition.addTxFunction(method);
          }
        }
      }
      return created;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot start the contract router", e);
    }
  }

  private static RoutingRegistry registryOf(ContractRouter router)
      throws ReflectiveOperationException {
    Method registryOf = ContractRouter.class.getDeclaredMethod("getRoutingRegistry");
    registryOf.setAccessible(true);
    return (RoutingRegistry) registryOf.invoke(router);
  }

  /**
   * Silences the shim: it logs every invocation at INFO and every refusal with a stack trace at
   * SEVERE, which the results already carry (thousands of lines per property test). The contracts'
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
}
