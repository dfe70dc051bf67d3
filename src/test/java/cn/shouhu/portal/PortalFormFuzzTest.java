package cn.shouhu.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the public form's binding and checks: whatever is posted, the answer is never a 5xx, and either exactly
 * one matter is created, with every file that was sent, or nothing at all.
 * <p>
 * In a normal {@code mvn test} this replays the inputs under {@code src/test/resources/cn/shouhu/portal/
 * PortalFormFuzzTestInputs/} as a regression test (a few seconds). To fuzz for real, see the README
 * ({@code JAZZER_FUZZ=1}); new findings land in that folder and are replayed from then on.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PortalFormFuzzTest extends PortalTestSupport {

	private static final List<String> KINDS = List.of("HELP", "ENQUIRY", "COMPLAINT", "TIP_OFF", "SUGGESTION",
			"PRAISE", "", "help", "TIP_OFF ", "OTHER");

	private static final List<String> CATEGORIES = List.of("", "HOUSEHOLD", "TRAFFIC", "NO_SUCH", "household");

	private static final String[] FIELDS = { "title", "description", "address", "community", "name", "phone",
			"enterpriseName", "creditCode" };

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@FuzzTest(maxDuration = "2m")
	void postingAnyFormNeverFailsAndCreatesAWholeMatterOrNothing(FuzzedDataProvider data) throws Exception {
		MockMultipartHttpServletRequestBuilder request = multipart("/portal/submit");
		request.param("formToken", data.consumeBoolean() ? UUID.randomUUID().toString() : data.consumeString(40));
		request.param("kind", data.pickValue(KINDS));
		request.param("categoryCode", data.pickValue(CATEGORIES));
		for (String field : FIELDS) {
			if (data.consumeBoolean()) {
				request.param(field, data.consumeString(data.consumeInt(0, 4100)));
			}
		}
		if (data.consumeBoolean()) {
			request.param("phone", "13" + data.consumeInt(100_000_000, 999_999_999));
		}
		request.param("anonymous", data.consumeBoolean() ? "true" : data.consumeString(5));
		request.param("consent", data.consumeBoolean() ? "true" : data.consumeString(5));
		if (data.consumeInt(0, 9) == 0) {
			request.param("website", data.consumeString(20));
		}
		int files = data.consumeInt(0, 3);
		for (int i = 0; i < files; i++) {
			byte[] content = data.consumeBoolean() ? concat(PNG, data.consumeBytes(64)) : data.consumeBytes(64);
			request.file(new MockMultipartFile("attachments", data.consumeString(20) + "." + data.pickValue(
					List.of("png", "jpg", "pdf", "exe")), "application/octet-stream", content));
		}
		request.with(csrf()).with(from("fuzz-" + data.consumeInt(0, 1_000_000)));

		long mattersBefore = count("matter");
		long filesBefore = count("matter_attachment");
		MvcResult result = mvc.perform(request).andReturn();
		int status = result.getResponse().getStatus();
		long newMatters = count("matter") - mattersBefore;
		long newFiles = count("matter_attachment") - filesBefore;

		assertThat(status).as("status").isLessThan(500);
		assertThat(newMatters).isBetween(0L, 1L);
		if (newMatters == 0) {
			assertThat(newFiles).as("files without a matter").isZero();
		}
		else {
			assertThat(status).isEqualTo(302);
			long matterId = jdbc.sql("SELECT MAX(id) FROM matter").query(Long.class).single();
			assertThat(newFiles).as("files of the new matter").isEqualTo(files);
			assertThat(jdbc.sql("SELECT COUNT(*) FROM portal_form_token WHERE matter_id = :id")
				.param("id", matterId)
				.query(Long.class)
				.single()).as("the form token of the new matter").isEqualTo(1);
		}
	}

	private long count(String table) {
		return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
	}

	private static byte[] concat(byte[] head, byte[] tail) {
		byte[] all = new byte[head.length + tail.length];
		System.arraycopy(head, 0, all, 0, head.length);
		System.arraycopy(tail, 0, all, head.length, tail.length);
		return all;
	}

}
