package cn.shouhu.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * The whole application through MockMvc, as an app would call it: form posts, .json and .xml resources. Each test
 * issues keys of its own, so tests share the context but not their apps.
 */
@SpringBootTest
@AutoConfigureMockMvc
abstract class Open311TestSupport {

	static final String BASE = "/open311/v2";

	static final String PHONE = "13847215678";

	private static final AtomicInteger RUN = new AtomicInteger();

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

	private static final SchemaValidatorsConfig STRICT = SchemaValidatorsConfig.builder()
		.formatAssertionsEnabled(true)
		.build();

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApiKeys keys;

	/** A fresh app with an active key. */
	String newKey() {
		return keys.issue("测试应用 " + RUN.incrementAndGet(), null, "test").key();
	}

	/** The fields of a valid help request in 紧急求助. */
	static Map<String, String> helpRequest(String apiKey) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("api_key", apiKey);
		form.put("service_code", "EMERGENCY");
		form.put("attribute[kind]", "HELP");
		form.put("lat", "40.6562");
		form.put("long", "109.8401");
		form.put("address_string", "昆都仑区沼潭街道某小区 7 号楼 701");
		form.put("attribute[community]", "沼潭社区");
		form.put("last_name", "王");
		form.put("first_name", "女士");
		form.put("phone", PHONE);
		form.put("email", "wang@example.cn");
		form.put("device_id", "device-1");
		form.put("account_id", "acct-1");
		form.put("description", "家门被风关上，两岁孩子独自在屋内，请求帮助开门。");
		form.put("media_url", "https://app.example.cn/photos/1.jpg");
		return form;
	}

	MockHttpServletRequestBuilder postForm(String format, Map<String, String> form) {
		MockHttpServletRequestBuilder request = post(BASE + "/requests." + format)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED);
		form.forEach((name, value) -> {
			if (value != null) {
				request.param(name, value);
			}
		});
		return request;
	}

	MvcResult call(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request).andReturn();
	}

	MvcResult get(String path, Object... params) throws Exception {
		MockHttpServletRequestBuilder request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.get(BASE + path);
		for (int i = 0; i < params.length; i += 2) {
			request.param(String.valueOf(params[i]), String.valueOf(params[i + 1]));
		}
		return mvc.perform(request).andReturn();
	}

	static String body(MvcResult result) {
		return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
	}

	/** The JSON body, after checking it against the named schema from {@code src/test/resources/open311}. */
	static JsonNode valid(MvcResult result, String schema) throws Exception {
		assertThat(result.getResponse().getContentType()).startsWith("application/json");
		JsonNode node = JSON.readTree(body(result));
		try (InputStream in = Open311TestSupport.class.getResourceAsStream("/open311/" + schema + ".schema.json")) {
			JsonSchema jsonSchema = SCHEMAS.getSchema(in, STRICT);
			Set<ValidationMessage> problems = jsonSchema.validate(node);
			assertThat(problems).as("%s against %s", body(result), schema).isEmpty();
		}
		return node;
	}

	static Document xml(MvcResult result) throws Exception {
		assertThat(result.getResponse().getContentType()).startsWith("text/xml");
		String text = body(result);
		assertThat(text).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		return factory.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
	}

	static String xpath(Document document, String expression) throws Exception {
		return XPathFactory.newInstance().newXPath().evaluate(expression, document);
	}

	static int count(Document document, String expression) throws Exception {
		return ((NodeList) XPathFactory.newInstance().newXPath().evaluate(expression, document, XPathConstants.NODESET))
			.getLength();
	}

	long matters() {
		return jdbc.sql("SELECT COUNT(*) FROM matter").query(Long.class).single();
	}

	long open311Rows() {
		return jdbc.sql("SELECT COUNT(*) FROM open311_request").query(Long.class).single();
	}

}
