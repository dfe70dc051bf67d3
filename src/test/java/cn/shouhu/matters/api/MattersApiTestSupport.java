package cn.shouhu.matters.api;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import cn.shouhu.accounts.AccountSetup;
import cn.shouhu.organization.OrganizationDirectory;
import cn.shouhu.organization.OrganizationSetup;
import cn.shouhu.organization.UnitType;
import cn.shouhu.shared.Role;

/**
 * The whole application with MockMvc and real staff accounts that sign in with HTTP Basic, as an integration
 * would. Each test gets its own stations, a locksmith and one account per role, so tests share the context and
 * not their data.
 */
@SpringBootTest
@AutoConfigureMockMvc
abstract class MattersApiTestSupport {

	static final String PASSWORD = "Shouhu@2026";

	static final String PHONE = "13847215678";

	static final String ID_NUMBER = "11010519491231002X";

	private static final java.util.List<String> NAMES = java.util.List.of("李受理", "王协调", "张承办", "刘所长", "陈民警", "杨所长",
			"赵局长", "黄审计");

	private static final AtomicInteger RUN = new AtomicInteger();

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	OrganizationSetup organization;

	@Autowired
	OrganizationDirectory directory;

	@Autowired
	AccountSetup accounts;

	long branch;

	/** 沼潭派出所 of this test. */
	long stationA;

	/** 民族东路派出所 of this test. */
	long stationB;

	long locksmith;

	String clerk;

	String coordinator;

	String handlerA;

	String leaderA;

	String handlerB;

	String leaderB;

	String branchLeader;

	String auditor;

	/** Makes titles unique to the test, to count a test's own matters. */
	String run;

	@BeforeEach
	void createBranchAndAccounts() {
		int n = RUN.incrementAndGet();
		run = "t" + n;
		branch = organization.isEmpty() ? organization.createUnit(null, "测试分局", UnitType.BRANCH, 0)
				: directory.activeUnits().get(0).id();
		stationA = organization.createUnit(branch, "沼潭派出所-" + n, UnitType.STATION, 1);
		stationB = organization.createUnit(branch, "民族东路派出所-" + n, UnitType.STATION, 2);
		locksmith = organization.createUnit(branch, "开锁服务部-" + n, UnitType.EXTERNAL_AGENCY, 9);
		clerk = account(n, 0, "clerk", Role.INTAKE_CLERK, branch);
		coordinator = account(n, 1, "coord", Role.COORDINATOR, branch);
		handlerA = account(n, 2, "handlerA", Role.HANDLER, stationA);
		leaderA = account(n, 3, "leaderA", Role.UNIT_LEADER, stationA);
		handlerB = account(n, 4, "handlerB", Role.HANDLER, stationB);
		leaderB = account(n, 5, "leaderB", Role.UNIT_LEADER, stationB);
		branchLeader = account(n, 6, "branchlead", Role.BRANCH_LEADER, branch);
		auditor = account(n, 7, "auditor", Role.AUDITOR, branch);
	}

	private String account(int n, int i, String name, Role role, long unitId) {
		String username = name + n;
		long officer = organization.createOfficer(String.valueOf(700000 + n * 10 + i), NAMES.get(i), unitId, "民警",
				false);
		accounts.open(username, officer, EnumSet.of(role), PASSWORD, false);
		return username;
	}

	/** A phone call: a mother locked out, with her name, mobile number and ID number. */
	Map<String, Object> intakeBody(String title) {
		Map<String, Object> submitter = new LinkedHashMap<>();
		submitter.put("anonymous", false);
		submitter.put("name", "王女士");
		submitter.put("phone", PHONE);
		submitter.put("idNumber", ID_NUMBER);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("channel", "PHONE");
		body.put("kind", "HELP");
		body.put("categoryCode", "EMERGENCY");
		body.put("urgency", "URGENT");
		body.put("title", title);
		body.put("description", "七楼住户外出时门被风关上，两岁孩子独自在屋内。");
		body.put("place", Map.of("address", "沼潭街道某小区 7 号楼 701", "community", "沼潭社区"));
		body.put("submitter", submitter);
		return body;
	}

	ResultActions create(String user, String key, Object body) throws Exception {
		var request = post("/api/v1/matters").with(httpBasic(user, PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(body));
		if (key != null) {
			request.header("Idempotency-Key", key);
		}
		return mvc.perform(request);
	}

	/** Records a matter as the clerk and returns its id. */
	long newMatter() throws Exception {
		MvcResult result = create(clerk, "key-" + run + "-" + System.nanoTime(), intakeBody("门被锁 " + run))
			.andReturn();
		return read(result).get("id").asLong();
	}

	ResultActions act(String user, long id, String action, Map<String, Object> body) throws Exception {
		return mvc.perform(post("/api/v1/matters/" + id + "/" + action).with(httpBasic(user, PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(body)));
	}

	ResultActions show(String user, long id) throws Exception {
		return mvc.perform(get("/api/v1/matters/" + id).with(httpBasic(user, PASSWORD)));
	}

	int version(long id) throws Exception {
		return read(show(coordinator, id).andReturn()).get("version").asInt();
	}

	JsonNode read(MvcResult result) throws Exception {
		return json.readTree(result.getResponse().getContentAsString());
	}

	/** Dispatches to station A with the locksmith as co-handler; returns the new version. */
	int dispatchToStationA(long id) throws Exception {
		Map<String, Object> body = Map.of("version", version(id), "categoryCode", "EMERGENCY", "leadUnitId", stationA,
				"coHandlers", java.util.List.of(Map.of("unitId", locksmith, "request", "请开锁师傅到场")));
		return read(act(coordinator, id, "dispatch", body).andReturn()).get("version").asInt();
	}

}
