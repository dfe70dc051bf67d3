package cn.shouhu.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The portal through a real Tomcat, as a phone's browser uses it: the CSRF cookie, the receipt in a session of
 * its own, and the multipart limits that only the container enforces (an upload over 10 MB gets the friendly 413
 * page, not a 403 for a CSRF token that Tomcat never read).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PortalOverTheWireTest extends PortalTestSupport {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final Pattern FORM_TOKEN = Pattern.compile("name=\"formToken\" value=\"([^\"]+)\"");

	/** What a browser asks for. */
	private static final String HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private final HttpClient browser = HttpClient.newBuilder()
		.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	HttpResponse<String> get(String path) throws Exception {
		return browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Accept", HTML).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<String> post(Map<String, String> fields, String fileName, byte[] file) throws Exception {
		String boundary = "----shouhu" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		for (Map.Entry<String, String> field : fields.entrySet()) {
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
					+ "\"\r\n\r\n" + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
		}
		if (file != null) {
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"attachments\"; filename=\""
					+ fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
			body.writeBytes(file);
			body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
		}
		body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/portal/submit"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Accept", HTML)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** The form's fields as the page gave them, filled in validly. */
	Map<String, String> filledForm() throws Exception {
		HttpResponse<String> form = get("/portal/submit");
		assertThat(form.statusCode()).isEqualTo(200);
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("_csrf", find(CSRF, form.body()));
		fields.put("formToken", find(FORM_TOKEN, form.body()));
		fields.put("kind", "HELP");
		fields.put("title", "钥匙锁在家里");
		fields.put("description", "出门忘带钥匙，需要联系开锁。");
		fields.put("address", "昆区民族东路 9 号");
		fields.put("name", "李先生");
		fields.put("phone", newPhone());
		fields.put("consent", "true");
		return fields;
	}

	static String find(Pattern pattern, String html) {
		Matcher matcher = pattern.matcher(html);
		assertThat(matcher.find()).as(pattern.pattern()).isTrue();
		return matcher.group(1);
	}

	long matters() {
		return jdbc.sql("SELECT COUNT(*) FROM matter").query(Long.class).single();
	}

	@Test
	void aCitizenSubmitsAndSeesTheReceiptOnce() throws Exception {
		HttpResponse<String> home = get("/");
		assertThat(home.statusCode()).isEqualTo(302);
		assertThat(home.headers().firstValue("Location").orElseThrow()).endsWith("/portal");

		Map<String, String> fields = filledForm();
		long before = matters();
		HttpResponse<String> sent = post(fields, "门.png", PNG);
		assertThat(sent.statusCode()).isEqualTo(302);
		assertThat(sent.headers().firstValue("Location").orElseThrow()).endsWith("/portal/submit/receipt");
		assertThat(matters()).isEqualTo(before + 1);

		HttpResponse<String> receipt = get("/portal/submit/receipt");
		assertThat(receipt.body()).contains("请保存查询码").contains("tracking-code");
		assertThat(get("/portal/submit/receipt").body()).contains("回执只显示一次").doesNotContain("tracking-code");
	}

	@Test
	void readingTheFormOpensNoSessionAndItsCsrfCookieIsHttpOnlySameSiteAndForThePortalOnly() throws Exception {
		HttpResponse<String> form = get("/portal/submit");
		assertThat(form.headers().allValues("Set-Cookie"))
			.anySatisfy(cookie -> assertThat(cookie).startsWith("SHOUHU-PORTAL-XSRF=")
				.contains("Path=/portal")
				.contains("HttpOnly")
				.contains("SameSite=Lax"))
			.noneSatisfy(cookie -> assertThat(cookie).containsAnyOf("SESSION=", "JSESSIONID="));
	}

	@Test
	void aFileOverTenMegabytesGetsTheFriendly413PageAndNothingIsCreated() throws Exception {
		Map<String, String> fields = filledForm();
		byte[] big = new byte[10 * 1024 * 1024 + 1];
		System.arraycopy(PNG, 0, big, 0, PNG.length);
		long before = matters();
		HttpResponse<String> refused = post(fields, "大照片.png", big);
		assertThat(refused.statusCode()).isEqualTo(413);
		assertThat(refused.body()).contains("上传的文件太大")
			.contains("每个附件不能超过 10 MB")
			.contains("紧急情况请拨打110");
		assertThat(matters()).isEqualTo(before);
	}

}
