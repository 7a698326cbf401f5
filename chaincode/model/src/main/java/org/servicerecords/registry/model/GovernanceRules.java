package org.servicerecords.registry.model;

import static org.servicerecords.registry.model.InputRules.MAX_LIST;

import java.util.ArrayList;
import java.util.List;

/**
 * The input rules of the governance transactions' arguments, as {@link RequestRules} holds those of
 * the records transactions: every function lists all the problems of one request, in a fixed order;
 * the contract refuses with the first, the client library reports them all.
 */
public final class GovernanceRules {

  private GovernanceRules() {}

  /**
   * The problems of a {@code governance:RegisterAgency} request.
   *
   * @param r the request
   * @return every problem, in field order; empty when acceptable
   */
  public static List<Problem> agency(AgencyRequest r) {
    List<Problem> problems = new ArrayList<>();
    problems.addAll(InputRules.msp("msp", r.msp()));
    problems.addAll(InputRules.text("displayName", r.displayName(), InputRules.MAX_DISPLAY_NAME));
    if (RequestRules.noneAdded(problems, InputRules.namespace("namespace", r.namespace()))
        && InputRules.GOVERNANCE_NAMESPACE.equals(r.namespace())) {
      problems.add(Problem.invalid("namespace", "must not be the governance namespace"));
    }
    problems.addAll(documentTypes("documentTypes", r.documentTypes()));
    RequestRules.window(problems, "activeFrom", r.activeFrom(), "activeUntil", r.activeUntil());
    return problems;
  }

  /**
   * The problems of the arguments of {@code governance:SetDocumentTypes}.
   *
   * @param msp the agency's MSP id
   * @param types the document types
   * @return every problem; empty when acceptable
   */
  public static List<Problem> documentTypesChange(String msp, List<String> types) {
    List<Problem> problems = new ArrayList<>(InputRules.msp("msp", msp));
    problems.addAll(documentTypes("types", types));
    return problems;
  }

  /**
   * The problems of the arguments of {@code governance:SuspendAgency}.
   *
   * @param msp the agency's MSP id
   * @param reasonCode why, as a code
   * @return every problem; empty when acceptable
   */
  public static List<Problem> suspension(String msp, String reasonCode) {
    List<Problem> problems = new ArrayList<>(InputRules.msp("msp", msp));
    problems.addAll(InputRules.code("reasonCode", reasonCode));
    return problems;
  }

  /**
   * The problems of the member list of {@code governance:InitConsortium}: 1 to {@value
   * ConsortiumMembers#MAX_MEMBERS} distinct MSP ids.
   *
   * @param members the MSP ids, may be {@code null}
   * @return every problem; empty when acceptable
   */
  public static List<Problem> members(List<String> members) {
    List<Problem> problems = new ArrayList<>();
    if (members == null || members.isEmpty() || members.size() > ConsortiumMembers.MAX_MEMBERS) {
      problems.add(
          Problem.invalid(
              "members", "must hold 1 to " + ConsortiumMembers.MAX_MEMBERS + " MSP ids"));
    }
    if (members != null) {
      problems.addAll(RequestRules.distinct("members", members, InputRules::msp));
    }
    return problems;
  }

  /**
   * The problems of a list of document types: present (may be empty), at most {@value
   * InputRules#MAX_LIST}, each a code, distinct.
   *
   * @param field the list's name
   * @param types the document types, may be {@code null}
   * @return every problem; empty when acceptable
   */
  public static List<Problem> documentTypes(String field, List<String> types) {
    if (types == null) {
      return List.of(Problem.invalid(field, "is required (may be empty)"));
    }
    List<Problem> problems = new ArrayList<>();
    if (types.size() > MAX_LIST) {
      problems.add(Problem.invalid(field, "has more than " + MAX_LIST + " entries"));
    }
    problems.addAll(RequestRules.distinct(field, types, InputRules::code));
    return problems;
  }
}
