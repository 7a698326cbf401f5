package org.servicerecords.registry.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.servicerecords.registry.model.Verdict;

/** The OpenAPI document the portal serves describes exactly its API, codes and verdicts. */
class OpenApiDocumentTest {

  private static OpenAPI api;

  @BeforeAll
  static void parse() throws IOException {
    String text;
    try (InputStream in = Portal.class.getResourceAsStream("/portal/openapi.json")) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    SwaggerParseResult result = new OpenAPIParser().readContents(text, null, null);
    assertThat(result.getMessages()).isEmpty();
    api = result.getOpenAPI();
  }

  @Test
  void listsExactlyThePortalsRoutes() {
    List<String> routes = new ArrayList<>();
    api.getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap()
                    .keySet()
                    .forEach((PathItem.HttpMethod method) -> routes.add(method + " " + path)));
    assertThat(routes).containsExactlyInAnyOrderElementsOf(Portal.API_ROUTES);
  }

  @Test
  void namesEveryErrorCodeAndVerdict() {
    Schema<?> code =
        (Schema<?>) api.getComponents().getSchemas().get("Error").getProperties().get("error");
    List<String> codes = texts(((Schema<?>) code.getProperties().get("code")).getEnum());
    assertThat(codes)
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(ApiError.values()).map(Enum::name).toList());
    List<String> verdicts = texts(api.getComponents().getSchemas().get("Verdict").getEnum());
    assertThat(verdicts)
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(Verdict.values()).map(Enum::name).toList());
  }

  @Test
  void describesTheReportsFieldsAsTheServerWritesThem() {
    assertThat(properties("Report"))
        .containsExactlyInAnyOrderElementsOf(recordComponents(ReportView.class));
    assertThat(properties("RecordVerdict"))
        .containsExactlyInAnyOrderElementsOf(recordComponents(ReportView.RecordView.class));
  }

  private static List<String> properties(String schema) {
    Schema<?> found = api.getComponents().getSchemas().get(schema);
    return new ArrayList<String>(found.getProperties().keySet());
  }

  private static List<String> texts(List<?> values) {
    return values.stream().map(String::valueOf).toList();
  }

  private static List<String> recordComponents(Class<?> type) {
    return Arrays.stream(type.getRecordComponents()).map(c -> c.getName()).toList();
  }
}
