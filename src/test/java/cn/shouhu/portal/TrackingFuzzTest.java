package cn.shouhu.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import cn.shouhu.matters.Channel;
import cn.shouhu.matters.Intake;
import cn.shouhu.matters.MatterDesk;
import cn.shouhu.matters.MatterKind;
import cn.shouhu.matters.Place;
import cn.shouhu.matters.Receipt;
import cn.shouhu.matters.Submitter;
import jakarta.servlet.http.Cookie;

/**
 * Fuzzes 查询进度, the public parsers of a tracking code, a proof and the tracking cookie: whatever is posted or
 * sent as the cookie, the answer is never a 5xx; a lookup opens the matter only with its code and the last four
 * digits of its phone (as people type them); and a forged cookie never adds to, rates or reopens a matter.
 * <p>
 * A normal {@code mvn test} replays the inputs under {@code src/test/resources/cn/shouhu/portal/
 * TrackingFuzzTestInputs/}; to fuzz for real see the README ({@code JAZZER_FUZZ=1}).
 */
@SpringBootTest
@AutoConfigureMockMvc
class TrackingFuzzTest extends PortalTestSupport {

	private static final List<String> ACTIONS = List.of("information", "rating", "reopen");

	private static final List<String> SATISFACTION = List.of("SATISFIED", "BASICALLY_SATISFIED", "UNSATISFIED",
			"", "satisfied", "NONE");

	@Autowired
	MockMvc mvc;

	@Autowired
	MatterDesk desk;

	@Autowired
	JdbcClient jdbc;

	private static Receipt matter;

	@BeforeEach
	void oneMatter() {
		if (matter == null) {
			matter = desk.submit(new Intake(Channel.PORTAL, MatterKind.COMPLAINT, null, null, "夜间施工噪音",
					"工地每晚十一点后仍在施工。", new Place("民族东路某工地", null, null, null),
					Submitter.person("钱女士", "15904721234")));
		}
	}

	@FuzzTest(maxDuration = "2m")
	void anyLookupOrCookieNeverFailsAndOnlyTheRightProofOpensTheMatter(FuzzedDataProvider data) throws Exception {
		String ip = "fuzz-track-" + data.consumeInt(0, 1_000_000);
		long timelineBefore = timeline();
		if (data.consumeBoolean()) {
			String code = switch (data.consumeInt(0, 2)) {
				case 0 -> matter.trackingCode();
				case 1 -> matter.trackingCode().toLowerCase().replace("", data.consumeBoolean() ? " " : "");
				default -> data.consumeString(40);
			};
			String proof = data.consumeBoolean() ? data.pickValue(List.of("1234", " 1234 ", "１２３４", "0000"))
					: data.consumeString(20);
			MvcResult result = mvc
				.perform(post("/portal/track").param("code", code).param("proof", proof).with(csrf()).with(from(ip)))
				.andReturn();
			int status = result.getResponse().getStatus();
			assertThat(status).as("status").isLessThan(500);
			if (status == 302) {
				assertThat(digits(proof)).as("a proof that opened the matter").isEqualTo("1234");
				assertThat(result.getResponse().getCookie("SHOUHU-TRACK")).isNotNull();
			}
		}
		else {
			Cookie forged = new Cookie("SHOUHU-TRACK", data.consumeString(200));
			MockHttpServletRequestBuilder request;
			if (data.consumeBoolean()) {
				request = get("/portal/track/matter");
			}
			else {
				String action = data.pickValue(ACTIONS);
				request = post("/portal/track/" + action).param("text", data.consumeString(300))
					.param("satisfaction", data.pickValue(SATISFACTION))
					.param("comment", data.consumeString(300))
					.param("reason", data.consumeString(300))
					.with(csrf());
			}
			MvcResult result = mvc.perform(request.cookie(forged).with(from(ip))).andReturn();
			assertThat(result.getResponse().getStatus()).as("status").isLessThan(500);
			assertThat(String.valueOf(result.getResponse().getRedirectedUrl())).as("a forged cookie opens nothing")
				.doesNotStartWith("/portal/track/matter");
			assertThat(timeline()).as("a forged cookie changes nothing").isEqualTo(timelineBefore);
		}
	}

	private long timeline() {
		return jdbc.sql("SELECT COUNT(*) FROM matter_timeline WHERE matter_id = :id")
			.param("id", matter.id())
			.query(Long.class)
			.single();
	}

	/** The proof as a person means it: without spaces (also the ideographic one), full-width digits as digits. */
	private static String digits(String proof) {
		StringBuilder digits = new StringBuilder();
		proof.codePoints().filter(c -> !Character.isWhitespace(c) && c != '\u3000').forEach(c -> digits
			.appendCodePoint(c >= '\uFF10' && c <= '\uFF19' ? '0' + (c - '\uFF10') : c));
		return digits.toString();
	}

}
