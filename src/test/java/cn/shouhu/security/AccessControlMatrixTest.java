package cn.shouhu.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

import cn.shouhu.TestStaff;
import cn.shouhu.accounts.AccountSetup;
import cn.shouhu.matters.Channel;
import cn.shouhu.matters.CoHandling;
import cn.shouhu.matters.Dispatch;
import cn.shouhu.matters.Intake;
import cn.shouhu.matters.MatterDesk;
import cn.shouhu.matters.MatterKind;
import cn.shouhu.matters.Place;
import cn.shouhu.matters.Submitter;
import cn.shouhu.matters.Urgency;
import cn.shouhu.matters.attachments.AttachedIntake;
import cn.shouhu.open311.Open311Setup;
import cn.shouhu.organization.OrganizationDirectory;
import cn.shouhu.organization.OrganizationSetup;
import cn.shouhu.organization.UnitType;
import cn.shouhu.shared.CurrentStaff;
import cn.shouhu.shared.Role;
import org.springframework.mock.web.MockMultipartFile;

/**
 * 访问控制矩阵: every endpoint of the application's own route table, called anonymously and as every role by a
 * staff member of 民族东路派出所 (station B) on data of 沼潭派出所 (station A): a matter led by A, A's officer and
 * account, A's notice and attachment. What may succeed is the table {@link #ALLOWED} below; every other call must
 * be refused (the login page, 401, 403 or 404) and change nothing, and what succeeds must not show station A's
 * data to a role that may not see it ({@link #STATION_A_DATA}), not even inside a workbook. An endpoint the table
 * does not classify fails the test, so a new controller cannot slip past it: add it to {@link #ALLOWED} or to
 * {@link #PUBLIC}, which names the public routes one by one.
 */
@SpringBootTest(properties = "shouhu.test.context=access-matrix")
@AutoConfigureMockMvc
class AccessControlMatrixTest {

	private static final Set<Role> NONE = EnumSet.noneOf(Role.class);

	private static final Set<Role> EVERY_ROLE = EnumSet.allOf(Role.class);

	/** Roles that see the whole matter queue (MatterDesk): another unit's matter is theirs to read. */
	private static final Set<Role> QUEUE = EnumSet.of(Role.INTAKE_CLERK, Role.COORDINATOR, Role.BRANCH_LEADER);

	/** 分派/转办/协办…: the Party COORDINATION of MatterAction. */
	private static final Set<Role> COORDINATION = EnumSet.of(Role.INTAKE_CLERK, Role.COORDINATOR);

	private static final Set<Role> MATTER_API = EnumSet.of(Role.INTAKE_CLERK, Role.COORDINATOR, Role.HANDLER,
			Role.UNIT_LEADER, Role.BRANCH_LEADER);

	/**
	 * The routes open without sign-in, one by one, as the route table gives them: the staff chain's own exceptions
	 * ({@code cn.shouhu.accounts.SecurityConfiguration}), the public portal ({@code PortalSecurityConfiguration}:
	 * {@code /portal/**} but the catalogue editor) and Open311 ({@code Open311Security}, where the controller checks
	 * each app's api_key). No prefix stands for a whole path: a route added under {@code /portal} or
	 * {@code /open311} is unclassified, and fails the test, until somebody decides whether it is public or staff.
	 */
	static final Set<String> PUBLIC = Set.of("GET /login", "GET /error", "POST /error", "GET /actuator/health",
			// The portal: its home, privacy notice, the citizen's submission and the tracking of it.
			"GET /portal", "GET /portal/privacy", "GET /portal/submit", "POST /portal/submit",
			"GET /portal/submit/receipt", "GET /portal/track", "POST /portal/track", "GET /portal/track/matter",
			"POST /portal/track/information", "POST /portal/track/rating", "POST /portal/track/reopen",
			"POST /portal/track/end",
			// Open311 GeoReport v2, and its own 404 for anything else below /open311.
			"GET /open311/discovery.{format}", "GET /open311/v2/discovery.{format}",
			"GET /open311/v2/services.{format}", "GET /open311/v2/services/{code}.{format}",
			"POST /open311/v2/requests.{format}", "GET /open311/v2/requests.{format}",
			"GET /open311/v2/requests/{id}.{format}", "GET /open311/v2/tokens/{token}.{format}", "GET /open311/**",
			"POST /open311/**");

	/** Static paths the security configuration opens to everyone; served by resource handlers, not controllers. */
	static final List<String> PUBLIC_STATIC = List.of("/css/shouhu.css", "/js/shouhu.js", "/img/favicon.svg",
			"/webjars/htmx.org/dist/htmx.min.js");

	/**
	 * Which roles, held by a staff member of station B, may use each staff endpoint on station A's data. Everybody
	 * else — other roles, and these roles on a path this table does not name — must be refused. Keys are
	 * {@code METHOD pattern} as in the route table, without regular expressions; {@code {action}} of the matter page
	 * is expanded into one row per action.
	 */
	static final Map<String, Set<Role>> ALLOWED = new LinkedHashMap<>();

	static {
		// Everybody signed in: the home page, one's own password, the unit tree, statistics of one's own scope.
		allow(EVERY_ROLE, "GET /", "GET /account/password", "POST /account/password", "GET /organization/units",
				"GET /organization/units/{id}", "GET /statistics", "GET /statistics/data.json",
				"GET /statistics/export.xlsx", "GET /api/v1/statistics", "GET /v3/api-docs", "GET /v3/api-docs.yaml",
				"GET /matters/todo", "GET /matters/todo/count");
		allow(EnumSet.of(Role.SYSTEM_ADMIN), "POST /statistics/rebuild");
		allow(EnumSet.of(Role.SYSTEM_ADMIN), "GET /matters/suggestions/models", "POST /matters/suggestions/models/retrain",
				"POST /matters/suggestions/models/{id}/activate");
		allow(EnumSet.of(Role.SYSTEM_ADMIN), "GET /system/open311-apps", "POST /system/open311-apps",
				"POST /system/open311-apps/{id}/revoke");
		allow(EnumSet.of(Role.SYSTEM_ADMIN, Role.COORDINATOR), "GET /portal/catalogue/admin",
				"GET /portal/catalogue/admin/new", "POST /portal/catalogue/admin", "GET /portal/catalogue/admin/{id}/edit",
				"POST /portal/catalogue/admin/{id}/edit");
		// Actuator: only /actuator/health itself is public; its links need a sign-in, and no health group or
		// component is exposed, so /actuator/health/** is 404 to everyone signed in.
		allow(EVERY_ROLE, "GET /actuator");
		allow(NONE, "GET /actuator/health/**");

		// Matters: the queue roles read another unit's matter; the unit roles only their own (404 here).
		allow(QUEUE, "GET /matters/board", "GET /matters/board/export.xlsx", "GET /matters/{id}",
				"GET /matters/{matterId}/attachments/{attachmentId}", "GET /api/v1/matters/{id}");
		allow(COORDINATION, "GET /matters/intake", "GET /matters/intake/suggestions", "GET /matters/intake/public-queue", "POST /matters/intake",
				"POST /api/v1/matters");
		allow(MATTER_API, "GET /api/v1/matters");
		allow(EnumSet.of(Role.COORDINATOR, Role.UNIT_LEADER, Role.BRANCH_LEADER, Role.HANDLER),
				"GET /matters/notices", "GET /matters/notices/count");
		// A notice for station A: only the coordinator's scope reaches it.
		allow(EnumSet.of(Role.COORDINATOR), "POST /matters/notices/{id}/read");
		// Actions on a matter dispatched to station A (MatterAction's parties): what the lead unit alone may do is
		// refused to everyone at station B.
		allow(COORDINATION, "POST /matters/{id}/dispatch", "POST /matters/{id}/transfer",
				"POST /matters/{id}/co-handler", "POST /matters/{id}/cancel-task", "POST /matters/{id}/resume",
				"POST /matters/{id}/follow-up", "POST /matters/{id}/close", "POST /matters/{id}/link",
				"POST /matters/{id}/merge");
		// 显示: the submitter's full phone or ID number, for those who call back; the lead unit's own staff too.
		allow(COORDINATION, "POST /matters/{id}/reveal");
		allow(EnumSet.of(Role.COORDINATOR), "POST /matters/{id}/extension-approve",
				"POST /matters/{id}/extension-refuse", "POST /matters/{id}/supervise");
		allow(NONE, "POST /matters/{id}/sign", "POST /matters/{id}/return", "POST /matters/{id}/progress",
				"POST /matters/{id}/task-result", "POST /matters/{id}/extension-request", "POST /matters/{id}/wait",
				"POST /matters/{id}/reply-draft", "POST /matters/{id}/reply-approve",
				"POST /matters/{id}/reply-reject");
		for (String action : List.of("dispatch", "transfer", "co-handlers", "cancel-task", "resume", "follow-up",
				"close", "link", "merge")) {
			allow(COORDINATION, "POST /api/v1/matters/{id}/" + action);
		}
		for (String action : List.of("extension-approve", "extension-refuse", "supervise")) {
			allow(EnumSet.of(Role.COORDINATOR), "POST /api/v1/matters/{id}/" + action);
		}
		for (String action : List.of("sign", "return", "progress", "task-result", "extension-request", "wait",
				"reply", "approve", "reject-reply")) {
			allow(NONE, "POST /api/v1/matters/{id}/" + action);
		}

		// Dictionaries and the calendar: the system administrator alone.
		allow(EnumSet.of(Role.SYSTEM_ADMIN), "GET /matters/policies", "GET /matters/policies/new",
				"POST /matters/policies", "GET /matters/policies/{id}/edit", "POST /matters/policies/{id}/edit",
				"POST /matters/policies/{id}/delete", "GET /matters/categories", "GET /matters/categories/new",
				"POST /matters/categories", "GET /matters/categories/{code}/edit",
				"POST /matters/categories/{code}/edit", "GET /calendar", "POST /calendar/years", "GET /calendar/{year}",
				"POST /calendar/{year}/days", "POST /calendar/{year}/days/{date}/delete",
				"GET /organization/units/new", "POST /organization/units", "GET /organization/units/{id}/edit",
				"POST /organization/units/{id}/edit", "GET /organization/units/{id}/move",
				"POST /organization/units/{id}/move", "POST /organization/units/{id}/deactivate",
				"POST /organization/units/{id}/reactivate", "POST /organization/units/{id}/jurisdiction");

		// Officers: readers see every unit but the unit leader, whose scope is their own subtree; so do writers.
		allow(EnumSet.of(Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN, Role.BRANCH_LEADER, Role.UNIT_LEADER),
				"GET /organization/officers", "GET /organization/officers/export.xlsx");
		allow(EnumSet.of(Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN, Role.BRANCH_LEADER), "GET /organization/officers/{id}");
		allow(EnumSet.of(Role.SYSTEM_ADMIN, Role.UNIT_LEADER), "GET /organization/officers/new",
				"POST /organization/officers", "GET /organization/officers/import", "POST /organization/officers/import",
				"GET /organization/officers/import/template.xlsx");
		allow(EnumSet.of(Role.SYSTEM_ADMIN), "GET /organization/officers/{id}/edit",
				"POST /organization/officers/{id}/edit", "GET /organization/officers/{id}/transfer",
				"POST /organization/officers/{id}/transfer", "POST /organization/officers/{id}/leave");

		// 三员: accounts for the security administrator, the audit trail for the auditor.
		allow(EnumSet.of(Role.SECURITY_ADMIN), "GET /accounts", "GET /accounts/export.xlsx", "GET /accounts/new",
				"POST /accounts", "GET /accounts/{id}", "POST /accounts/{id}/roles", "POST /accounts/{id}/password",
				"POST /accounts/{id}/disable", "POST /accounts/{id}/enable", "POST /accounts/{id}/unlock");
		allow(EnumSet.of(Role.AUDITOR), "GET /audit", "GET /audit/export", "POST /audit/verify");
	}

	private static void allow(Set<Role> roles, String... endpoints) {
		for (String endpoint : endpoints) {
			if (ALLOWED.put(endpoint, roles) != null) {
				throw new IllegalStateException("Classified twice: " + endpoint);
			}
		}
	}

	private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private static final String PASSWORD = "Matrix@2026x";

	private static final String SECRET_TITLE = "甲所内部事项-矩阵";

	private static final String SECRET_OFFICER = "甲所民警矩阵";

	private static final String STATION_A = "沼潭派出所-矩阵";

	/** Some of station A's data, the text that gives it away on the paths it is looked for, and who may see it. */
	record StationAData(String name, String text, Pattern where, Set<Role> mayShow) {
	}

	/**
	 * What a staff member of station B may be shown of station A's, by role: the matter's title the queue roles and
	 * the auditor (the audit trail records the whole branch); A's officer the roster's branch-wide readers and the
	 * auditor; A's row in the figures only the roles whose statistics span the branch. The unit tree shows every
	 * unit to everybody, so A's name is looked for in the figures alone.
	 */
	private static final List<StationAData> STATION_A_DATA = List.of(
			new StationAData("matter title", SECRET_TITLE, Pattern.compile(".*"), with(QUEUE, Role.AUDITOR)),
			new StationAData("officer", SECRET_OFFICER, Pattern.compile(".*"),
					EnumSet.of(Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN, Role.BRANCH_LEADER, Role.AUDITOR)),
			new StationAData("figures", STATION_A, Pattern.compile("(/api/v1)?/statistics(/.*)?"), QUEUE));

	private static Set<Role> with(Set<Role> roles, Role role) {
		Set<Role> union = EnumSet.copyOf(roles);
		union.add(role);
		return union;
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	OrganizationSetup organization;

	@Autowired
	OrganizationDirectory directory;

	@Autowired
	AccountSetup accounts;

	@Autowired
	MatterDesk desk;

	@Autowired
	AttachedIntake attachedIntake;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Open311Setup open311;

	/** Station A's data, by path variable. */
	private final Map<String, String> samples = new LinkedHashMap<>();

	private long matterA;

	private final Map<Role, CurrentStaff> atStationB = new EnumMap<>(Role.class);

	/** One endpoint: a method and a concrete path, with its table key. */
	record Call(String key, HttpMethod method, String path, String pattern) {
	}

	@Test
	void everyEndpointIsClassifiedAndRefusedToEveryoneOutsideTheTable() throws Exception {
		fixtures();
		List<String> routes = routeTable();
		List<String> unclassified = new ArrayList<>();
		List<String> twice = new ArrayList<>();
		List<Call> calls = new ArrayList<>();
		Set<String> seenKeys = new TreeSet<>();
		for (String route : routes) {
			String method = route.substring(0, route.indexOf(' '));
			String pattern = route.substring(route.indexOf(' ') + 1);
			for (String key : expand(route)) {
				seenKeys.add(key);
				boolean isPublic = PUBLIC.contains(key);
				boolean isStaff = ALLOWED.containsKey(key);
				if (isPublic && isStaff) {
					twice.add(key);
				}
				else if (!isPublic && !isStaff) {
					unclassified.add(key);
				}
				else if (isStaff) {
					calls.add(new Call(key, HttpMethod.valueOf(method), fill(key.substring(key.indexOf(' ') + 1)),
							pattern));
				}
			}
		}
		assertThat(unclassified).as("routes that are neither staff nor public. Classify each: add it to ALLOWED "
				+ "with the roles that may use it on another unit's data (it is then called anonymously and as every "
				+ "role), or — only if a security chain really lets anybody in, whatever its path — to PUBLIC")
			.isEmpty();
		assertThat(twice).as("routes in both ALLOWED and PUBLIC: a route is one or the other").isEmpty();
		assertThat(new TreeSet<>(ALLOWED.keySet())).as("rows of the access table with no endpoint behind them")
			.isSubsetOf(seenKeys);
		assertThat(new TreeSet<>(PUBLIC)).as("public routes with no endpoint behind them").isSubsetOf(seenKeys);

		List<String> wronglyAllowed = new ArrayList<>();
		List<String> wronglyRefused = new ArrayList<>();
		Set<String> shown = new TreeSet<>();
		// Every refusal first: a refused call must change nothing, so the fixtures stay as they were.
		for (Call call : calls) {
			int before = matterVersion();
			MockHttpServletResponse anonymous = perform(call, null);
			if (!isLoginChallenge(call, anonymous)) {
				wronglyAllowed.add("anonymous " + call.key() + " → " + describe(anonymous));
			}
			for (Role role : Role.values()) {
				if (ALLOWED.get(call.key()).contains(role)) {
					continue;
				}
				MockHttpServletResponse response = perform(call, role);
				if (!isRefusal(response) && !(response.getStatus() == 409 && stateCheckedFirst(call, role))) {
					wronglyAllowed.add(role + " " + call.key() + " → " + describe(response));
				}
			}
			assertThat(matterVersion()).as("a refused call changed station A's matter: " + call.key()).isEqualTo(before);
		}
		for (Call call : calls) {
			for (Role role : ALLOWED.get(call.key())) {
				MockHttpServletResponse response = perform(call, role);
				if (isRefusal(response) && response.getStatus() != 409) {
					wronglyRefused.add(role + " " + call.key() + " → " + describe(response));
				}
				else if (call.method() == HttpMethod.GET && response.getStatus() == 200) {
					String text = text(response);
					for (StationAData data : STATION_A_DATA) {
						if (data.where().matcher(call.path()).matches() && text.contains(data.text())) {
							if (data.mayShow().contains(role)) {
								shown.add(role + " " + call.key() + ": " + data.name());
							}
							else {
								wronglyAllowed.add(role + " " + call.key() + " shows station A's " + data.name());
							}
						}
					}
				}
			}
		}
		assertThat(wronglyAllowed).as("calls that should have been refused").isEmpty();
		assertThat(wronglyRefused).as("calls the table allows but the application refused").isEmpty();
		// The leak check must see station A's data where it may be shown, inside a workbook too, or it could not
		// see a leak either; the figures prove the statistics count station A's matter at all.
		assertThat(shown).as("station A's data shown to those who may see it").contains(
				"BRANCH_LEADER GET /matters/board/export.xlsx: matter title",
				"BRANCH_LEADER GET /organization/officers/export.xlsx: officer",
				"BRANCH_LEADER GET /statistics/export.xlsx: figures");
		System.out.println("Access-control matrix: " + calls.size() + " staff endpoints × (anonymous + "
				+ Role.values().length + " roles), " + PUBLIC.size() + " public endpoints");
	}

	@Test
	void publicEndpointsAndStaticFilesAnswerWithoutSignIn() throws Exception {
		// Whatever else a public route answers (a form error, Open311's 403 for a missing api_key), it is not sent to
		// the sign-in page: some chain lets the visitor in. A page without path variables opens outright.
		for (String route : new TreeSet<>(PUBLIC)) {
			HttpMethod method = HttpMethod.valueOf(route.substring(0, route.indexOf(' ')));
			String pattern = route.substring(route.indexOf(' ') + 1);
			String path = pattern.replace("{format}", "json").replaceAll("\\{\\w+}", "1").replace("/**", "/ping");
			MockHttpServletRequestBuilder builder = request(method, path);
			if (method == HttpMethod.POST) {
				builder.with(csrf());
			}
			MockHttpServletResponse response = mvc.perform(builder).andReturn().getResponse();
			assertThat(response.getStatus()).as(route).isNotEqualTo(401);
			assertThat(String.valueOf(response.getRedirectedUrl())).as(route).doesNotEndWith("/login");
			if (method == HttpMethod.GET && path.equals(pattern)) {
				assertThat(response.getStatus()).as(route).isNotEqualTo(403);
			}
		}
		for (String path : PUBLIC_STATIC) {
			assertThat(mvc.perform(request(HttpMethod.GET, path)).andReturn().getResponse().getStatus()).as(path)
				.isEqualTo(200);
		}
	}

	/** Every handler method of every request-mapping handler mapping (controllers and actuator), as METHOD pattern. */
	private List<String> routeTable() {
		Set<String> routes = new TreeSet<>();
		for (RequestMappingInfoHandlerMapping mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class)
			.values()) {
			for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
				Set<RequestMethod> methods = entry.getKey().getMethodsCondition().getMethods();
				Set<String> names = new LinkedHashSet<>();
				if (methods.isEmpty()) {
					// Mapped for every method: GET and POST stand for all of them.
					names.add("GET");
					names.add("POST");
				}
				methods.forEach(method -> names.add(method.name()));
				for (String pattern : entry.getKey().getPatternValues()) {
					for (String name : names) {
						if (!name.equals("HEAD") && !name.equals("OPTIONS")) {
							routes.add(name + " " + withoutRegex(pattern));
						}
					}
				}
			}
		}
		return new ArrayList<>(routes);
	}

	private static String withoutRegex(String pattern) {
		return pattern.replaceAll("\\{(\\w+):[^}]*}", "{$1}");
	}

	/** The matter page's {action} stands for each of its actions: each is its own row of the table. */
	private List<String> expand(String route) throws Exception {
		if (!route.contains("{action}")) {
			return List.of(route);
		}
		Class<?> controller = Class.forName("cn.shouhu.matters.web.MatterPageController");
		Field field = controller.getDeclaredField("ACTIONS");
		field.setAccessible(true);
		List<String> keys = new ArrayList<>();
		for (Object action : ((Map<?, ?>) field.get(null)).keySet()) {
			keys.add(route.replace("{action}", action.toString()));
		}
		return keys;
	}

	private String fill(String pattern) {
		Matcher matcher = Pattern.compile("\\{(\\w+)}").matcher(pattern);
		StringBuilder path = new StringBuilder();
		while (matcher.find()) {
			String variable = matcher.group(1);
			String prefix = pattern.substring(0, matcher.start());
			String sample = sampleFor(prefix, variable);
			assertThat(sample).as("no sample of station A's data for {" + variable + "} in " + pattern
					+ " — add one in fixtures()").isNotNull();
			matcher.appendReplacement(path, Matcher.quoteReplacement(sample));
		}
		matcher.appendTail(path);
		return path.toString().replace("/**", "/ping");
	}

	private String sampleFor(String prefix, String variable) {
		for (Map.Entry<String, String> sample : samples.entrySet()) {
			String[] key = sample.getKey().split("#");
			if (prefix.startsWith(key[0]) && variable.equals(key[1])) {
				return sample.getValue();
			}
		}
		return null;
	}

	private MockHttpServletResponse perform(Call call, Role role) throws Exception {
		MockHttpServletRequestBuilder builder = request(call.method(), call.path());
		boolean api = call.path().startsWith("/api/") || call.path().startsWith("/v3/");
		if (call.method() == HttpMethod.POST) {
			if (api) {
				builder.contentType(MediaType.APPLICATION_JSON)
					.header("Idempotency-Key", "matrix-" + System.nanoTime())
					.content(jsonBody());
			}
			else {
				formBody().forEach(builder::param);
				builder.with(csrf());
			}
		}
		if (role != null) {
			CurrentStaff staff = atStationB.get(role);
			// HTTP Basic for the API, against the real accounts, for one role; the rest as a signed-in session
			// (Argon2 for every call would make the matrix slow).
			if (api && role == Role.INTAKE_CLERK) {
				builder.with(httpBasic(staff.username(), PASSWORD));
			}
			else {
				builder.with(authentication(TestStaff.as(staff)));
			}
		}
		MvcResult result = mvc.perform(builder).andReturn();
		if (!result.getRequest().isAsyncStarted()) {
			return result.getResponse();
		}
		// A streamed export (the accounts') writes its body in an async dispatch. The first workbook loads Apache
		// POI, which on a busy build machine can take longer than the default wait of 10 seconds.
		result.getAsyncResult(Duration.ofMinutes(1).toMillis());
		return mvc.perform(asyncDispatch(result)).andReturn().getResponse();
	}

	/** A form every action could accept, so that only the permission or the scope can refuse it. */
	private Map<String, String> formBody() {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("version", String.valueOf(matterVersion()));
		form.put("reason", "矩阵测试");
		form.put("note", "矩阵测试");
		form.put("text", "矩阵测试答复");
		form.put("measures", "矩阵测试整改");
		form.put("result", "已完成");
		form.put("request", "请协助");
		form.put("toUnitId", samples.get("/organization/units/#id"));
		form.put("unitId", samples.get("/organization/units/#id"));
		form.put("taskNo", "1");
		form.put("days", "2");
		form.put("satisfaction", "SATISFIED");
		form.put("categoryCode", "EMERGENCY");
		form.put("urgency", "NORMAL");
		form.put("leadUnitId", samples.get("/organization/units/#id"));
		form.put("other", samples.get("other#matter"));
		form.put("roles", "HANDLER");
		form.put("status", "RETIRED");
		form.put("field", "PHONE");
		return form;
	}

	private String jsonBody() {
		String unit = samples.get("/organization/units/#id");
		return "{\"version\":" + matterVersion() + ",\"reason\":\"矩阵测试\",\"note\":\"矩阵测试\",\"text\":\"已处理\","
				+ "\"result\":\"已完成\",\"toUnitId\":" + unit + ",\"taskNo\":1,\"days\":2,\"satisfaction\":\"SATISFIED\","
				+ "\"categoryCode\":\"EMERGENCY\",\"leadUnitId\":" + unit + ",\"otherId\":" + samples.get("other#matter")
				+ ",\"coHandler\":{\"unitId\":" + unit + ",\"request\":\"协助\"},"
				// and a valid intake, for POST /api/v1/matters
				+ "\"channel\":\"PHONE\",\"kind\":\"HELP\",\"urgency\":\"NORMAL\",\"title\":\"矩阵测试\","
				+ "\"description\":\"矩阵测试\",\"submitter\":{\"anonymous\":false,\"name\":\"王女士\",\"phone\":\"13800000000\"}}";
	}

	/** Anonymous: the sign-in page for pages, 401 for the API. */
	private static boolean isLoginChallenge(Call call, MockHttpServletResponse response) {
		if (call.path().startsWith("/api/") || call.path().startsWith("/v3/")) {
			return response.getStatus() == 401;
		}
		if (call.path().equals("/") && response.getStatus() == 302 && "/portal".equals(response.getRedirectedUrl())) {
			// The site's root: an anonymous visitor is a citizen and goes to the public portal, not the sign-in.
			return true;
		}
		return response.getStatus() == 302 && response.getRedirectedUrl() != null
				&& response.getRedirectedUrl().endsWith("/login");
	}

	private static boolean isRefusal(MockHttpServletResponse response) {
		int status = response.getStatus();
		return status == 401 || status == 403 || status == 404 || (status == 302
				&& response.getRedirectedUrl() != null && response.getRedirectedUrl().endsWith("/login"));
	}

	/**
	 * A matter checks the state before the party ({@code Matter.guard}): a queue role that may read the matter but
	 * not take the action hears 409 when the state does not allow it either. Still a refusal, and the version check
	 * around every call proves nothing was written. A unit role at station B never gets this far: 404.
	 */
	private static boolean stateCheckedFirst(Call call, Role role) {
		return QUEUE.contains(role) && call.pattern().matches("(/api/v1)?/matters/\\{id}/.+");
	}

	private static String describe(MockHttpServletResponse response) {
		return response.getStatus() + (response.getRedirectedUrl() == null ? "" : " " + response.getRedirectedUrl());
	}

	/** The response as text: a workbook's cells (an .xlsx is a zip, its text compressed), otherwise the body. */
	private static String text(MockHttpServletResponse response) throws Exception {
		byte[] body = response.getContentAsByteArray();
		if (String.valueOf(response.getContentType()).startsWith(XLSX)
				|| (body.length > 1 && body[0] == 'P' && body[1] == 'K')) {
			return PersonalDataTest.workbookText(body);
		}
		String type = response.getContentType();
		return type != null && type.contains("charset=") ? response.getContentAsString()
				: response.getContentAsString(StandardCharsets.UTF_8);
	}

	private int matterVersion() {
		return jdbc.sql("SELECT version FROM matter WHERE id = :id").param("id", matterA).query(Integer.class).single();
	}

	private void fixtures() {
		long branch = organization.isEmpty() ? organization.createUnit(null, "测试分局", UnitType.BRANCH, 0)
				: directory.activeUnits().get(0).id();
		long stationA = organization.createUnit(branch, STATION_A, UnitType.STATION, 1);
		long stationB = organization.createUnit(branch, "民族东路派出所-矩阵", UnitType.STATION, 2);
		long officerA = organization.createOfficer("700001", SECRET_OFFICER, stationA, "民警", false);
		long accountA = accounts.open("matrix-a", officerA, Set.of(Role.HANDLER), PASSWORD, false);
		int badge = 700100;
		for (Role role : Role.values()) {
			String name = "乙所民警" + "甲乙丙丁戊己庚辛壬癸".charAt(role.ordinal());
			long officer = organization.createOfficer(String.valueOf(badge++), name, stationB, "民警", false);
			String username = "matrix-" + role.name().toLowerCase().replace('_', '-');
			long account = accounts.open(username, officer, Set.of(role), PASSWORD, false);
			atStationB.put(role, new CurrentStaff(account, username, officer, name, stationB, "民族东路派出所-矩阵",
					Set.of(role)));
		}

		CurrentStaff clerk = new CurrentStaff(1, "matrix-setup", 1, "受理员", branch, "测试分局",
				Set.of(Role.INTAKE_CLERK, Role.COORDINATOR));
		Intake intake = new Intake(Channel.PHONE, MatterKind.HELP, "EMERGENCY", Urgency.URGENT, SECRET_TITLE,
				"甲所辖区内的求助，乙所不应看到。", new Place("某小区 7 号楼 701", "沼潭社区", null, null),
				new Submitter(false, "王女士", "13847215678", "11010519491231002X", null, null));
		byte[] png = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0 };
		matterA = attachedIntake
			.intake(clerk, intake, List.of(new MockMultipartFile("attachments", "photo.png", "image/png", png)))
			.id();
		long other = desk.intake(clerk, intake).id();
		desk.dispatch(clerk, matterA, matterVersion(),
				new Dispatch("EMERGENCY", Urgency.URGENT, stationA, List.of(), null));
		long attachment = jdbc.sql("SELECT id FROM matter_attachment WHERE matter_id = :id")
			.param("id", matterA)
			.query(Long.class)
			.single();
		Instant now = Instant.now();
		long notice = jdbc
			.sql("INSERT INTO matter_notice (matter_id, deadline_kind, notice_kind, target_unit_id, target_role, "
					+ "due_at, created_at) VALUES (:matter, 'SIGN', 'WARNING_70', :unit, NULL, :due, :now)")
			.param("matter", matterA)
			.param("unit", stationA)
			.param("due", now.plusSeconds(3600).atOffset(ZoneOffset.UTC))
			.param("now", now.atOffset(ZoneOffset.UTC))
			.update() == 1 ? jdbc.sql("SELECT MAX(id) FROM matter_notice").query(Long.class).single() : -1;
		long policy = jdbc.sql("SELECT MIN(id) FROM time_limit_policy").query(Long.class).single();

		open311.registerDemoApp();
		long app = jdbc.sql("SELECT MIN(id) FROM open311_api_key").query(Long.class).single();
		long model = jdbc.sql("SELECT MIN(id) FROM suggestion_model").query(Long.class).single();
		long service = jdbc.sql("SELECT MIN(id) FROM portal_service_item").query(Long.class).single();

		// Longest prefix first: the first sample whose prefix matches wins.
		samples.put("/matters/suggestions/models/#id", String.valueOf(model));
		samples.put("/system/open311-apps/#id", String.valueOf(app));
		samples.put("/portal/catalogue/admin/#id", String.valueOf(service));
		samples.put("/matters/notices/#id", String.valueOf(notice));
		samples.put("/matters/policies/#id", String.valueOf(policy));
		samples.put("/matters/categories/#code", "EMERGENCY");
		samples.put("/matters/#matterId", String.valueOf(matterA));
		samples.put("/matters/#attachmentId", String.valueOf(attachment));
		samples.put("/matters/#id", String.valueOf(matterA));
		samples.put("/api/v1/matters/#id", String.valueOf(matterA));
		samples.put("/organization/units/#id", String.valueOf(stationA));
		samples.put("/organization/officers/#id", String.valueOf(officerA));
		samples.put("/accounts/#id", String.valueOf(accountA));
		samples.put("/calendar/#year", "2026");
		samples.put("/calendar/#date", "2026-10-01");
		samples.put("other#matter", String.valueOf(other));
	}

}
