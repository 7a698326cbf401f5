package org.servicerecords.registry.chaincode;

import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ledger.CompositeKey;

/** The key layout of both namespaces. Every key is a composite key; no key holds personal data. */
final class Keys {

  static final String RECORD = "rec";
  static final String BY_HASH = "rec~hash";
  static final String BY_TYPE = "rec~type";
  static final String BY_SUBJECT = "rec~subject";
  static final String BY_APPLICATION = "rec~app";
  static final String APPLICATION = "app";
  static final String DETAILS = "details";
  static final String DETAILS_COMMITMENT = "commitment";
  static final String AGENCY = "agency";
  static final String AGENCY_BY_NAMESPACE = "agency~ns";
  static final String AGENCY_VERSIONS = "agency~versions";
  static final String CONSORTIUM = "consortium";
  static final String APPROVAL = "approval";
  static final String MEMBERS_APPROVAL = "membersapproval";

  /** The one attribute of the consortium key: {@code ("consortium", "members")}. */
  static final String MEMBERS = "members";

  /** Value of every index key: a single zero byte (the key is the information). */
  static final byte[] INDEX_VALUE = {0};

  private Keys() {}

  static String record(ChaincodeStub stub, String id) {
    return stub.createCompositeKey(RECORD, id).toString();
  }

  static String index(ChaincodeStub stub, String index, String value, String id) {
    return stub.createCompositeKey(index, value, id).toString();
  }

  static CompositeKey indexPrefix(ChaincodeStub stub, String index, String value) {
    return stub.createCompositeKey(index, value);
  }

  static String application(ChaincodeStub stub, String applicationId) {
    return stub.createCompositeKey(APPLICATION, applicationId).toString();
  }

  static String details(ChaincodeStub stub, String id) {
    return stub.createCompositeKey(DETAILS, id).toString();
  }

  static String detailsCommitment(ChaincodeStub stub, String id) {
    return stub.createCompositeKey(DETAILS_COMMITMENT, id).toString();
  }

  static String agency(ChaincodeStub stub, String msp) {
    return stub.createCompositeKey(AGENCY, msp).toString();
  }

  static String agencyVersions(ChaincodeStub stub, String msp) {
    return stub.createCompositeKey(AGENCY_VERSIONS, msp).toString();
  }

  static String agencyByNamespace(ChaincodeStub stub, String namespace) {
    return stub.createCompositeKey(AGENCY_BY_NAMESPACE, namespace).toString();
  }

  static String consortium(ChaincodeStub stub) {
    return stub.createCompositeKey(CONSORTIUM, MEMBERS).toString();
  }

  static String approval(ChaincodeStub stub, String changeId, String approverMsp) {
    return stub.createCompositeKey(APPROVAL, changeId, approverMsp).toString();
  }

  static CompositeKey approvalPrefix(ChaincodeStub stub, String changeId) {
    return stub.createCompositeKey(APPROVAL, changeId);
  }

  static String membersApproval(ChaincodeStub stub, String listId, String approverMsp) {
    return stub.createCompositeKey(MEMBERS_APPROVAL, listId, approverMsp).toString();
  }

  static CompositeKey membersApprovalPrefix(ChaincodeStub stub, String listId) {
    return stub.createCompositeKey(MEMBERS_APPROVAL, listId);
  }

  static String lastAttribute(ChaincodeStub stub, String key) {
    var attributes = stub.splitCompositeKey(key).getAttributes();
    return attributes.get(attributes.size() - 1);
  }

  static String implicitCollection(String msp) {
    return "_implicit_org_" + msp;
  }
}
