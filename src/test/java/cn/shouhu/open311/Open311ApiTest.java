package cn.shouhu.open311;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;
import org.w3c.dom.Document;

import com.fasterxml.jackson.databind.JsonNode;

/** Discovery, services, service definitions, POST requests and tokens, in JSON and XML, and their errors. */
class Open311ApiTest extends Open311TestSupport {

	@Test
	void discoveryNamesTheEndpointItsFormatsAndThePrivacyRule() throws Exception {
		JsonNode json = valid(get("/discovery.json"), "discovery");
		assertThat(json.at("/endpoints/0/url").asText()).endsWith("/open311/v2");
		assertThat(json.at("/privacy").asText()).contains("api_key");

		Document xml = xml(get("/discovery.xml"));
		assertThat(xpath(xml, "/discovery/endpoints/endpoint/specification"))
			.isEqualTo("http://wiki.open311.org/GeoReport_v2");
		assertThat(count(xml, "/discovery/endpoints/endpoint/formats/format")).isEqualTo(2);
		assertThat(xml(mvcGetRoot("/open311/discovery.xml")).getDocumentElement().getNodeName()).isEqualTo("discovery");
	}

	@Test
	void servicesAreTheActiveCategories() throws Exception {
		JsonNode json = valid(get("/services.json"), "services");
		assertThat(json).hasSize(12);
		assertThat(json.get(0).get("service_code").asText()).isEqualTo("HOUSEHOLD");
		assertThat(json.get(0).get("service_name").asText()).isEqualTo("户政");

		Document xml = xml(get("/services.xml"));
		assertThat(count(xml, "/services/service")).isEqualTo(12);
		assertThat(xpath(xml, "/services/service[service_code='EMERGENCY']/service_name")).isEqualTo("紧急求助");
		assertThat(xpath(xml, "/services/service[1]/metadata")).isEqualTo("true");
		assertThat(xpath(xml, "/services/service[1]/type")).isEqualTo("realtime");
	}

	@Test
	void aServiceDefinitionOffersTheKindsAndWhatItsCategoryNeeds() throws Exception {
		JsonNode json = valid(get("/services/EMERGENCY.json"), "service-definition");
		JsonNode kind = json.get("attributes").get(0);
		assertThat(kind.get("code").asText()).isEqualTo("kind");
		assertThat(kind.get("datatype").asText()).isEqualTo("singlevaluelist");
		assertThat(kind.get("required").asBoolean()).isTrue();
		assertThat(kind.get("values").findValuesAsText("name")).containsExactly("求助", "咨询", "投诉", "举报", "建议", "表扬");
		assertThat(json.get("attributes").findValuesAsText("code")).doesNotContain("enterprise_name");

		Document xml = xml(get("/services/ENTERPRISE.xml"));
		assertThat(xpath(xml, "/service_definition/service_code")).isEqualTo("ENTERPRISE");
		assertThat(count(xml, "/service_definition/attributes/attribute[code='kind']/values/value")).isEqualTo(6);
		assertThat(xpath(xml, "/service_definition/attributes/attribute[code='kind']/values/value[key='TIP_OFF']/name"))
			.isEqualTo("举报");
		assertThat(xpath(xml, "/service_definition/attributes/attribute[code='enterprise_name']/required"))
			.isEqualTo("true");
	}

	@Test
	void anUnknownServiceOrFormatIs404InTheSpecsErrorList() throws Exception {
		MvcResult json = get("/services/NO_SUCH.json");
		assertThat(json.getResponse().getStatus()).isEqualTo(404);
		assertThat(valid(json, "errors").get(0).get("description").asText()).contains("service_code");

		MvcResult xml = get("/services/NO_SUCH.xml");
		assertThat(xml.getResponse().getStatus()).isEqualTo(404);
		assertThat(xpath(xml(xml), "/errors/error/code")).isEqualTo("404");

		assertThat(get("/services.csv").getResponse().getStatus()).isEqualTo(404);
		MvcResult unknownPath = get("/nothing/here.json");
		assertThat(unknownPath.getResponse().getStatus()).isEqualTo(404);
		valid(unknownPath, "errors");
	}

	@Test
	void aPostFilesOneMatterAndItsTokenLeadsBackToIt() throws Exception {
		String key = newKey();
		long before = matters();
		MvcResult posted = call(postForm("json", helpRequest(key)));
		assertThat(posted.getResponse().getStatus()).isEqualTo(200);
		JsonNode answer = valid(posted, "post-request").get(0);
		assertThat(matters()).isEqualTo(before + 1);
		assertThat(answer.get("account_id").asText()).isEqualTo("acct-1");
		assertThat(answer.get("service_notice").asText()).contains("查询码");
		String id = answer.get("service_request_id").asText();
		String token = answer.get("token").asText();

		Map<String, Object> row = jdbc.sql("SELECT channel, kind, category_code, title, submitter_name, submitter_phone,"
				+ " place_latitude FROM matter WHERE id = :id").param("id", Long.parseLong(id)).query().singleRow();
		assertThat(row).containsEntry("channel", "OPEN311")
			.containsEntry("kind", "HELP")
			.containsEntry("category_code", "EMERGENCY")
			.containsEntry("submitter_name", "王女士")
			.containsEntry("submitter_phone", PHONE);
		assertThat((String) row.get("title")).startsWith("家门被风关上");

		JsonNode byToken = valid(get("/tokens/" + token + ".json", "api_key", key), "token").get(0);
		assertThat(byToken.get("service_request_id").asText()).isEqualTo(id);
		Document xml = xml(get("/tokens/" + token + ".xml", "api_key", key));
		assertThat(xpath(xml, "/service_requests/request/service_request_id")).isEqualTo(id);
		assertThat(xpath(xml, "/service_requests/request/token")).isEqualTo(token);

		// Another app cannot learn anything from the token.
		assertThat(get("/tokens/" + token + ".json", "api_key", newKey()).getResponse().getStatus()).isEqualTo(404);
		assertThat(get("/tokens/" + token + ".json").getResponse().getStatus()).isEqualTo(403);
	}

	@Test
	void aPostAnswersInXmlToo() throws Exception {
		MvcResult posted = call(postForm("xml", helpRequest(newKey())));
		assertThat(posted.getResponse().getStatus()).isEqualTo(200);
		Document xml = xml(posted);
		assertThat(xpath(xml, "/service_requests/request/service_request_id")).matches("\\d+");
		assertThat(xpath(xml, "/service_requests/request/token")).isNotBlank();
		assertThat(xpath(xml, "/service_requests/request/account_id")).isEqualTo("acct-1");
	}

	@Test
	void aMissingUnknownOrRevokedKeyIs403AndFilesNothing() throws Exception {
		long before = matters();
		Map<String, String> form = helpRequest(null);
		MvcResult missing = call(postForm("json", form));
		assertThat(missing.getResponse().getStatus()).isEqualTo(403);
		assertThat(valid(missing, "errors").get(0).get("code").asInt()).isEqualTo(403);

		MvcResult unknown = call(postForm("xml", helpRequest("not-a-key-anyone-issued")));
		assertThat(unknown.getResponse().getStatus()).isEqualTo(403);
		assertThat(xpath(xml(unknown), "/errors/error/description")).contains("api_key");

		ApiKeys.IssuedKey issued = keys.issue("将被吊销的应用", null, "test");
		assertThat(call(postForm("json", helpRequest(issued.key()))).getResponse().getStatus()).isEqualTo(200);
		keys.revoke(issued.id(), "test");
		assertThat(call(postForm("json", helpRequest(issued.key()))).getResponse().getStatus()).isEqualTo(403);
		assertThat(matters()).isEqualTo(before + 1);
	}

	@Test
	void badFieldsAre400WithEveryProblemInChineseAndFileNothing() throws Exception {
		String key = newKey();
		long before = matters();
		long rows = open311Rows();

		Map<String, String> form = helpRequest(key);
		form.put("phone", "12345");
		form.remove("lat");
		form.remove("long");
		form.remove("address_string");
		form.put("attribute[kind]", "SHOUTING");
		MvcResult bad = call(postForm("json", form));
		assertThat(bad.getResponse().getStatus()).isEqualTo(400);
		JsonNode errors = valid(bad, "errors");
		assertThat(errors.findValuesAsText("description")).hasSize(3)
			.anyMatch(text -> text.startsWith("phone：请填写 11 位中国大陆手机号码"))
			.anyMatch(text -> text.contains("请提供位置"))
			.anyMatch(text -> text.contains("SHOUTING"));

		Map<String, String> anonymousHelp = helpRequest(key);
		anonymousHelp.put("attribute[anonymous]", "true");
		MvcResult notTipOff = call(postForm("xml", anonymousHelp));
		assertThat(notTipOff.getResponse().getStatus()).isEqualTo(400);
		assertThat(xpath(xml(notTipOff), "/errors/error/description")).isEqualTo("attribute[anonymous]：只有举报可以匿名提交。");

		Map<String, String> tooLong = helpRequest(key);
		tooLong.put("description", "长".repeat(4001));
		MvcResult longText = call(postForm("json", tooLong));
		assertThat(longText.getResponse().getStatus()).isEqualTo(400);
		assertThat(valid(longText, "errors").get(0).get("description").asText()).startsWith("description：");

		Map<String, String> unknownService = helpRequest(key);
		unknownService.put("service_code", "NO_SUCH");
		assertThat(call(postForm("json", unknownService)).getResponse().getStatus()).isEqualTo(404);

		Map<String, String> enterprise = helpRequest(key);
		enterprise.put("service_code", "ENTERPRISE");
		MvcResult noEnterprise = call(postForm("json", enterprise));
		assertThat(noEnterprise.getResponse().getStatus()).isEqualTo(400);
		assertThat(body(noEnterprise)).contains("attribute[enterprise_name]");

		assertThat(matters()).isEqualTo(before);
		assertThat(open311Rows()).isEqualTo(rows);
	}

	@Test
	void anAnonymousTipOffKeepsNoPersonalData() throws Exception {
		Map<String, String> form = helpRequest(newKey());
		form.put("service_code", "CRIME");
		form.put("attribute[kind]", "TIP_OFF");
		form.put("attribute[anonymous]", "true");
		form.put("description", "某网吧长期容留未成年人上网并组织赌博。");
		JsonNode answer = valid(call(postForm("json", form)), "post-request").get(0);
		// An anonymous tip-off is followed with a PIN in place of the phone's last digits, shown in this answer only.
		assertThat(answer.get("service_notice").asText()).containsPattern("查询密码 \\d{6}");
		long id = Long.parseLong(answer.get("service_request_id").asText());
		Map<String, Object> matter = jdbc.sql("SELECT submitter_anonymous, submitter_name, submitter_phone FROM matter"
				+ " WHERE id = :id").param("id", id).query().singleRow();
		assertThat(matter).containsEntry("submitter_anonymous", true)
			.containsEntry("submitter_name", null)
			.containsEntry("submitter_phone", null);
		assertThat(jdbc.sql("SELECT email FROM open311_request WHERE matter_id = :id").param("id", id)
			.query(String.class).optional()).isEmpty();
	}

	@Test
	void aRetryWithTheSameIdempotencyKeyFilesOneMatter() throws Exception {
		String key = newKey();
		long before = matters();
		Map<String, String> form = helpRequest(key);
		JsonNode first = valid(call(postForm("json", form).header("Idempotency-Key", "retry-1")), "post-request");
		JsonNode again = valid(call(postForm("json", form).header("Idempotency-Key", "retry-1")), "post-request");
		assertThat(again.get(0).get("service_request_id")).isEqualTo(first.get(0).get("service_request_id"));
		assertThat(again.get(0).get("token")).isEqualTo(first.get(0).get("token"));
		assertThat(matters()).isEqualTo(before + 1);

		form.put("description", "另一件事");
		MvcResult other = call(postForm("json", form).header("Idempotency-Key", "retry-1"));
		assertThat(other.getResponse().getStatus()).isEqualTo(400);
		assertThat(matters()).isEqualTo(before + 1);

		// Without the header, a retry is a new request, as the spec has it.
		form.put("description", "再报一次");
		call(postForm("json", form));
		call(postForm("json", form));
		assertThat(matters()).isEqualTo(before + 3);
	}

	@Test
	void twoCopiesRacingWithOneIdempotencyKeyFileOneMatter() throws Exception {
		String key = newKey();
		long before = matters();
		Map<String, String> form = helpRequest(key);
		java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
		try {
			java.util.List<java.util.concurrent.Future<MvcResult>> copies = new java.util.ArrayList<>();
			for (int i = 0; i < 2; i++) {
				copies.add(pool.submit(() -> {
					start.await();
					return call(postForm("json", form).header("Idempotency-Key", "race-1"));
				}));
			}
			start.countDown();
			JsonNode first = valid(copies.get(0).get(), "post-request").get(0);
			JsonNode second = valid(copies.get(1).get(), "post-request").get(0);
			assertThat(second.get("service_request_id")).isEqualTo(first.get("service_request_id"));
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(matters()).isEqualTo(before + 1);
	}

	@Test
	void errorsAreInEnglishWhenAsked() throws Exception {
		MvcResult result = mvcGetRoot("/open311/v2/services/NO_SUCH.json?lang=en");
		assertThat(valid(result, "errors").get(0).get("description").asText()).startsWith("No such service");
	}

	@Test
	void noSessionAndNoSignInPageUnderOpen311() throws Exception {
		MvcResult result = get("/services.json");
		assertThat(result.getResponse().getCookie("SESSION")).isNull();
		assertThat(result.getRequest().getSession(false)).isNull();
	}

	private MvcResult mvcGetRoot(String uri) throws Exception {
		return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(uri)).andReturn();
	}

}
