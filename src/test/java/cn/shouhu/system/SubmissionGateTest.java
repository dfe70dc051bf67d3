package cn.shouhu.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * At its bound of concurrent submissions a node refuses the next one at once — 503, Retry-After, "系统繁忙", in each
 * path's own format, nothing saved — lets reads through, and admits submissions again once a permit is free.
 * The bound is 1 here; the test holds the permit as a submission in progress would.
 */
@SpringBootTest(properties = { "shouhu.test.context=submission-gate", "shouhu.intake.max-concurrent=1",
		"shouhu.intake.max-wait=50ms" })
@AutoConfigureMockMvc
class SubmissionGateTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	SubmissionGate gate;

	@Autowired
	JdbcClient jdbc;

	private final MockHttpServletRequest inProgress = new MockHttpServletRequest("POST", "/portal/submit");

	private void occupy() throws InterruptedException {
		assertThat(gate.preHandle(inProgress, new MockHttpServletResponse(), null)).isTrue();
		assertThat(gate.available()).isZero();
	}

	@AfterEach
	void release() {
		gate.afterCompletion(inProgress, new MockHttpServletResponse(), null, null);
	}

	private long matters() {
		return jdbc.sql("SELECT COUNT(*) FROM matter").query(Long.class).single();
	}

	@Test
	void anOpen311SubmissionBeyondTheBoundIsRefusedAtOnceInTheSpecsErrorFormat() throws Exception {
		occupy();
		long before = matters();

		MockHttpServletResponse answer = mvc
			.perform(post("/open311/v2/requests.json").param("api_key", "any").param("service_code", "HOUSEHOLD"))
			.andReturn()
			.getResponse();

		assertThat(answer.getStatus()).isEqualTo(503);
		assertThat(answer.getHeader("Retry-After")).isEqualTo("5");
		assertThat(answer.getContentAsString(StandardCharsets.UTF_8)).contains("\"code\":503", "系统繁忙");
		assertThat(matters()).isEqualTo(before);
	}

	@Test
	void aPortalSubmissionBeyondTheBoundGetsThePageThatSaysBusy() throws Exception {
		occupy();
		long before = matters();

		MockHttpServletResponse answer = mvc.perform(post("/portal/submit").param("title", "噪音扰民").with(csrf()))
			.andReturn()
			.getResponse();

		assertThat(answer.getStatus()).isEqualTo(503);
		assertThat(answer.getContentAsString(StandardCharsets.UTF_8)).contains("系统繁忙");
		assertThat(matters()).isEqualTo(before);
	}

	@Test
	void readsAreNotGatedAndAFreedPermitAdmitsTheNextSubmission() throws Exception {
		occupy();
		assertThat(mvc.perform(get("/open311/v2/requests.json")).andReturn().getResponse().getStatus())
			.isNotEqualTo(503);

		release();
		MockHttpServletResponse answer = mvc
			.perform(post("/open311/v2/requests.json").param("api_key", "no-such-key").param("service_code", "X"))
			.andReturn()
			.getResponse();

		assertThat(answer.getStatus()).as("reached Open311 itself, which refuses the key").isIn(400, 403);
		assertThat(gate.available()).as("the permit is back after the request").isEqualTo(1);
	}

}
