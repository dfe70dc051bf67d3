package cn.shouhu.matters.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

import tools.jackson.databind.JsonNode;

import cn.shouhu.TestStaff;
import cn.shouhu.shared.Role;

/** HTTP Basic without sessions, roles, masked personal data and the OpenAPI description. */
class MattersApiSecurityTest extends MattersApiTestSupport {

	@Test
	void withoutCredentialsItIs401() throws Exception {
		long id = newMatter();
		mvc.perform(get("/api/v1/matters/" + id)).andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Basic")));
		mvc.perform(get("/api/v1/matters/" + id).with(httpBasic(clerk, "Wrong@2026")))
			.andExpect(status().isUnauthorized());
		mvc.perform(post("/api/v1/matters").header("Idempotency-Key", "anon-" + run)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(intakeBody("匿名 " + run)))).andExpect(status().isUnauthorized());
	}

	@Test
	void aWriteNeedsNoCsrfTokenAndLeavesNoSession() throws Exception {
		MvcResult created = create(clerk, "stateless-" + run, intakeBody("无会话 " + run))
			.andExpect(status().isCreated())
			.andReturn();
		assertThat(created.getResponse().getHeaders("Set-Cookie")).isEmpty();
		assertThat(created.getRequest().getSession(false)).isNull();
		MvcResult read = show(clerk, read(created).get("id").asLong()).andExpect(status().isOk()).andReturn();
		assertThat(read.getResponse().getHeaders("Set-Cookie")).isEmpty();
		assertThat(read.getRequest().getSession(false)).isNull();
	}

	@Test
	void staffWithoutAMattersRoleAreForbidden() throws Exception {
		long id = newMatter();
		mvc.perform(get("/api/v1/matters").with(httpBasic(auditor, PASSWORD))).andExpect(status().isForbidden());
		show(auditor, id).andExpect(status().isForbidden());
	}

	@Test
	void thePhoneAndIdNumberAreMaskedInEveryResponse() throws Exception {
		MvcResult created = create(clerk, "mask-" + run, intakeBody("脱敏 " + run)).andReturn();
		long id = read(created).get("id").asLong();
		MvcResult shown = show(coordinator, id).andReturn();
		MvcResult listed = mvc.perform(get("/api/v1/matters?size=100").with(httpBasic(clerk, PASSWORD))).andReturn();

		for (MvcResult result : java.util.List.of(created, shown, listed)) {
			assertThat(result.getResponse().getContentAsString()).doesNotContain(PHONE, ID_NUMBER, "15678",
					"1231002X");
		}
		JsonNode submitter = read(shown).get("submitter");
		assertThat(submitter.get("phone").asString()).isEqualTo("138****5678");
		assertThat(submitter.get("idNumber").asString()).isEqualTo("110105********002X");
		assertThat(submitter.get("name").asString()).isEqualTo("王女士");
		JsonNode row = read(listed).get("items")
			.valueStream()
			.filter(item -> item.get("id").asLong() == id)
			.findFirst()
			.orElseThrow();
		assertThat(row.get("submitterPhone").asString()).isEqualTo("138****5678");
	}

	@Test
	void theOpenApiDescriptionListsTheMatterEndpointsForSignedInStaff() throws Exception {
		MvcResult docs = mvc.perform(get("/v3/api-docs").with(authentication(TestStaff.as(Role.HANDLER, stationA))))
			.andExpect(status().isOk())
			.andReturn();
		JsonNode paths = read(docs).get("paths");
		assertThat(paths.has("/api/v1/matters")).isTrue();
		assertThat(paths.get("/api/v1/matters").has("post")).isTrue();
		assertThat(paths.get("/api/v1/matters").has("get")).isTrue();
		assertThat(paths.has("/api/v1/matters/{id}")).isTrue();
		for (String action : java.util.List.of("dispatch", "sign", "return", "reply", "approve", "follow-up",
				"close")) {
			assertThat(paths.has("/api/v1/matters/{id}/" + action)).as(action).isTrue();
		}
		assertThat(read(docs).get("paths").get("/api/v1/matters").get("post").get("summary").asString())
			.contains("intake");
		assertThat(read(docs).get("components").get("securitySchemes").get("staffBasicAuth").get("scheme").asString())
			.isEqualTo("basic");
		// Nobody signed in: the description is not public.
		mvc.perform(get("/v3/api-docs")).andExpect(result -> assertThat(result.getResponse().getStatus()).isNotEqualTo(200));
	}

	@Test
	void problemsComeAsProblemDetailInTheCallersLanguage() throws Exception {
		mvc.perform(get("/api/v1/matters/999999999").with(httpBasic(clerk, PASSWORD)))
			.andExpect(status().isNotFound())
			.andExpect(header().string("Content-Type", org.hamcrest.Matchers.containsString("application/problem+json")))
			.andExpect(jsonPath("$.detail").value("事项不存在，或不在您的权限范围内。"));
		mvc.perform(get("/api/v1/matters/999999999").with(httpBasic(clerk, PASSWORD))
			.header("Accept-Language", "en-US,en;q=0.9")).andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.not("事项不存在，或不在您的权限范围内。")));
	}

}
