package cn.perftarget.web;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.TestContextManager;

import cn.perftarget.Api;
import cn.perftarget.ApplicationTest;
import cn.perftarget.Fixtures;
import cn.perftarget.contract.ApiContract;
import cn.perftarget.contract.ErrorLines;
import cn.perftarget.contract.SchemaValues;

/**
 * Our own fuzzer over every operation of the served description (/v3/api-docs): each try picks an operation and a
 * demo role (or nobody), and sends parameters, headers and a body drawn from the operation's schemas, valid or
 * spoilt in one place, or junk. The property: never a 5xx, and not one ERROR line logged. Writes stay on this
 * class's own declarations, units and users (and new ones it creates), so the demo accounts keep their passwords
 * and roles. The operations and statuses met are written to target/described-operations.txt.
 */
@ApplicationTest
class DescribedOperationsProperties {

    private static final List<String> USERS = List.of("filer1", "dept1", "finance1", "expert1", "auditor1", "admin", "");
    private static final List<String> ACCEPTS = List.of("", "application/json", "*/*", "application/problem+json",
            "text/csv", "application/pdf", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "text/html", "foo", "application/json;q=0", "application/schema+json");
    private static final List<String> JUNK_TYPES = List.of("text/plain", "application/xml", "foo", "*/*",
            "multipart/form-data", "application/json; charset=nope", "text/csv");
    private static final List<String> JUNK_BODIES = List.of("", "{", "null", "[]", "{}", "\"x\"", "{\"a\":1}{",
            "--x\r\n\r\n", "\u0000\u0001", "{\"a\":[null]}");
    private static final Map<String, Map<Integer, Integer>> SEEN = new ConcurrentHashMap<>();
    private static final List<String> FOUND = new ArrayList<>();
    private static int operationCount;

    private record Operation(String method, String path, JsonNode spec) {
    }

    @Autowired
    Api api;

    @LocalServerPort
    int port;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private List<Operation> operations;
    private SchemaValues values;
    private ErrorLines errors;
    private Map<String, List<String>> pathValues;

    @BeforeProperty
    void describedOperationsAndFixtures() throws Exception {
        new TestContextManager(getClass()).prepareTestInstance(this);
        var spec = api.anonymous(HttpMethod.GET, "/v3/api-docs").body();
        values = new SchemaValues(spec);
        operations = new ArrayList<>();
        spec.path("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            if (Set.of("get", "put", "post", "delete", "patch").contains(op.getKey())) {
                operations.add(new Operation(op.getKey().toUpperCase(), path.getKey(), op.getValue()));
            }
        }));
        operationCount = operations.size();
        String unit = OrganisationAdminApiTest.unique("PT-");
        api.as("admin").post("/api/admin/units", Map.of("code", unit, "name", "性质测试单位", "kind", "DEPARTMENT"));
        String user = OrganisationAdminApiTest.unique("pt");
        api.as("admin").post("/api/admin/users", Map.of("username", user, "name", "性质测试", "roles", List.of("AUDITOR"),
                "password", "Pass-" + user));
        long draft = Fixtures.validDraft(api, "filer1");
        long review = Fixtures.inDeptReview(api, "filer1");
        long approved = Flows.approved(api);
        pathValues = Map.of(
                "id", List.of(Long.toString(draft), Long.toString(review), Long.toString(approved), "0", "-1",
                        "999999999", "abc", "1e3", "%E4%B8%AD", "99999999999999999999"),
                "number", List.of("1", "2", "0", "-1", "99999", "x"),
                "key", List.of("dept-overall", "project-expenditure", "nope", "%20"),
                "code", List.of(unit, "NOPE-" + unit, "%E4%B8%AD"),
                "username", List.of(user, "nobody-" + user));
        errors = ErrorLines.attach();
    }

    @Property(tries = 700)
    void noOperationAnswers5xxOrLogsAnError(@ForAll("operationIndexes") int index, @ForAll("userIndexes") int who,
                                            @ForAll("randoms") Random random) throws Exception {
        var operation = operations.get(index % operations.size());
        String user = USERS.get(who);
        if (operation.path().equals("/api/admin/backup") && user.equals("admin")) {
            user = "auditor1"; // a real backup per try would fill the disk; the admin's backup has its own tests
        }
        int logged = errors.count();
        var sent = new String[1];
        var request = request(operation, user, random, sent);
        var built = request.build();
        var response = client.send(built, HttpResponse.BodyHandlers.ofString());
        // What the server answered must also be what the description says it answers (ApiContract).
        ApiContract.check("http://localhost:" + port, new ApiContract.Exchange(operation.method(),
                built.uri().getRawPath() + (built.uri().getRawQuery() == null ? "" : "?" + built.uri().getRawQuery()),
                built.headers().map(), sent[0], response.statusCode(), response.headers().map(), response.body()));
        SEEN.computeIfAbsent(operation.method() + " " + operation.path(), k -> new TreeMap<>())
                .merge(response.statusCode(), 1, Integer::sum);
        var newErrors = errors.since(logged);
        String what = operation.method() + " " + request.build().uri() + " as " + (user.isEmpty() ? "nobody" : user)
                + " → " + response.statusCode() + " " + response.body().substring(0, Math.min(300, response.body().length()));
        if (response.statusCode() >= 500 || !newErrors.isEmpty()) {
            synchronized (FOUND) {
                FOUND.add(what + " " + newErrors);
            }
        }
        assertThat(response.statusCode()).as(what).isLessThan(500);
        assertThat(newErrors).as(what).isEmpty();
    }

    private HttpRequest.Builder request(Operation operation, String user, Random random, String[] sent) {
        String path = operation.path();
        var query = new StringBuilder();
        var builder = HttpRequest.newBuilder().timeout(Duration.ofSeconds(30));
        for (JsonNode parameter : operation.spec().path("parameters")) {
            String name = parameter.path("name").asText();
            String in = parameter.path("in").asText();
            if (in.equals("path")) {
                var pool = pathValues.getOrDefault(name, List.of("x", "0"));
                path = path.replace("{" + name + "}", pool.get(random.nextInt(pool.size())));
            } else if (parameter.path("required").asBoolean() || random.nextBoolean()) {
                String value = random.nextInt(4) == 0 ? List.of("", "-1", "x", "99999999999", "2147483647", "%", "true")
                        .get(random.nextInt(7)) : values.valid(parameter.path("schema"), random, 0).asText();
                if (in.equals("query")) {
                    query.append(query.isEmpty() ? "?" : "&").append(URLEncoder.encode(name, UTF_8)).append('=')
                            .append(URLEncoder.encode(value, UTF_8));
                } else if (in.equals("header") && !value.isEmpty() && value.chars().allMatch(c -> c >= 32 && c < 127)) {
                    builder.header(name, value);
                }
            }
        }
        builder.uri(URI.create("http://localhost:" + port + path + query));
        if (!user.isEmpty()) {
            builder.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + Api.PASSWORD)
                    .getBytes(UTF_8)));
        }
        String accept = random.nextBoolean() ? "" : ACCEPTS.get(random.nextInt(ACCEPTS.size()));
        if (!accept.isEmpty()) {
            builder.header("Accept", accept);
        }
        if (path.endsWith("/document") && operation.method().equals("PUT")) {
            builder.header("If-Match", List.of("\"1\"", "\"2\"", "*", "x", "\"99\"").get(random.nextInt(5)));
        }
        sent[0] = body(operation, builder, random);
        return builder;
    }

    /** Sets the body and its Content-Type; returns the body as text (null when none is sent). */
    private String body(Operation operation, HttpRequest.Builder builder, Random random) {
        var content = operation.spec().at("/requestBody/content");
        if (content.isMissingNode() || random.nextInt(10) == 0) {
            String junk = random.nextInt(3) == 0 && !operation.method().equals("GET")
                    ? JUNK_BODIES.get(random.nextInt(JUNK_BODIES.size())) : null;
            builder.method(operation.method(), junk == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(junk));
            return junk;
        }
        var types = new ArrayList<String>();
        content.fieldNames().forEachRemaining(types::add);
        String type = types.get(random.nextInt(types.size()));
        String sentType = random.nextInt(8) == 0 ? JUNK_TYPES.get(random.nextInt(JUNK_TYPES.size())) : type;
        byte[] body;
        if (type.contains("json")) {
            int kind = random.nextInt(10);
            JsonNode schema = content.path(type).path("schema");
            body = (kind < 5 ? values.valid(schema, random, 0).toString()
                    : kind < 9 ? values.spoilt(schema, random).toString()
                    : JUNK_BODIES.get(random.nextInt(JUNK_BODIES.size()))).getBytes(UTF_8);
        } else if (type.startsWith("multipart")) {
            sentType = sentType.startsWith("multipart") ? "multipart/form-data; boundary=pt" : sentType;
            body = List.of("--pt\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.xlsx\"\r\n\r\nPK\u0003\u0004junk\r\n--pt--\r\n",
                    "--pt\r\n\r\n", "--pt--\r\n", "", "--pt\r\nContent-Disposition: form-data; name=\"formKey\"\r\n\r\nnope\r\n--pt--\r\n")
                    .get(random.nextInt(5)).getBytes(UTF_8);
        } else if (type.equals("text/csv")) {
            body = List.of("", "username,name,unit,roles,password\nnobody,某人,,AUDITOR,\n", "code,name,kind,parent,oversees\n",
                    "a,b\n\"unclosed", "username,name,unit,roles,password,enabled\nx,y,,FILER|ADMIN,short,maybe\n",
                    "\uFEFFcode,name,kind,parent,oversees\nPT-" + random.nextInt(1000) + ",单位,二级单位,NOPE,\n")
                    .get(random.nextInt(6)).getBytes(UTF_8);
        } else {
            body = new byte[random.nextInt(64)];
            random.nextBytes(body);
        }
        builder.header("Content-Type", sentType);
        builder.method(operation.method(), HttpRequest.BodyPublishers.ofByteArray(body));
        return new String(body, type.contains("json") || type.startsWith("text/") ? UTF_8 : java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    @Provide
    Arbitrary<Integer> operationIndexes() {
        // The description is read once the property starts, so the index wraps around its operations.
        return Arbitraries.integers().between(0, 9_999).withoutEdgeCases();
    }

    @Provide
    Arbitrary<Integer> userIndexes() {
        return Arbitraries.integers().between(0, USERS.size() - 1).withoutEdgeCases();
    }

    @Provide
    Arbitrary<Random> randoms() {
        return Arbitraries.randoms();
    }

    /** What was covered and found, for the closing note (and to read after a CI run). */
    @AfterContainer
    static void coverage() throws Exception {
        var text = new StringBuilder("Described operations: " + SEEN.size() + " of " + operationCount
                + " operations exercised; findings (5xx or ERROR lines): " + FOUND.size() + "\n");
        SEEN.forEach((operation, statuses) -> text.append(operation).append(' ').append(statuses).append('\n'));
        FOUND.forEach(found -> text.append("FOUND ").append(found).append('\n'));
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target"));
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "described-operations.txt"), text);
        System.out.println(text);
    }
}
