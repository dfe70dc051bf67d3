package cn.shouhu.open311;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import cn.shouhu.matters.MatterKind;
import cn.shouhu.matters.PublicMatter;
import cn.shouhu.matters.PublicStatus;
import cn.shouhu.open311.ApiKeys.App;
import cn.shouhu.open311.Documents.Format;
import cn.shouhu.open311.Open311Requests.AppRequest;
import cn.shouhu.open311.Open311Requests.Filed;

/**
 * Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2): each resource in JSON or XML, chosen by the file
 * extension as the spec says. Errors are the spec's error lists ({@link Open311Errors}).
 */
@Controller
@RequestMapping("/open311")
class Open311Controller {

	static final String SPECIFICATION = "http://wiki.open311.org/GeoReport_v2";

	/** When this endpoint last changed in a way apps notice; the discovery document tells them. */
	static final String CHANGESET = "2026-11-29T00:00:00+08:00";

	/** The zone of the dates Open311 writes: the branch's, as every Chinese client expects. */
	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private final ApiKeys keys;

	private final ServiceCatalog catalog;

	private final Open311Requests requests;

	private final Documents documents;

	private final MessageSource messages;

	private final Open311Properties properties;

	private final Clock clock;

	Open311Controller(ApiKeys keys, ServiceCatalog catalog, Open311Requests requests, Documents documents,
			MessageSource messages, Open311Properties properties, Clock clock) {
		this.keys = keys;
		this.catalog = catalog;
		this.requests = requests;
		this.documents = documents;
		this.messages = messages;
		this.properties = properties;
		this.clock = clock;
	}

	/** Service discovery: where the endpoint is, in which formats, whom to ask for a key — and the privacy rule. */
	@GetMapping({ "/discovery.{format}", "/v2/discovery.{format}" })
	ResponseEntity<byte[]> discovery(@PathVariable String format, Locale locale) {
		Map<String, Object> endpoint = new LinkedHashMap<>();
		endpoint.put("specification", SPECIFICATION);
		endpoint.put("url", ServletUriComponentsBuilder.fromCurrentContextPath().path("/open311/v2").toUriString());
		endpoint.put("changeset", CHANGESET);
		endpoint.put("type", "production");
		endpoint.put("formats", List.of(Format.XML.mediaType.getType() + "/" + Format.XML.mediaType.getSubtype(),
				Format.JSON.mediaType.getType() + "/" + Format.JSON.mediaType.getSubtype()));
		Map<String, Object> discovery = new LinkedHashMap<>();
		discovery.put("changeset", CHANGESET);
		discovery.put("contact", properties.contact());
		discovery.put("key_service", properties.keyService());
		discovery.put("privacy", text("open311.discovery.privacy", locale));
		discovery.put("endpoints", List.of(endpoint));
		return documents.render(format(format), HttpStatus.OK, "discovery", discovery);
	}

	@GetMapping("/v2/services.{format}")
	ResponseEntity<byte[]> services(@PathVariable String format, Locale locale) {
		Format chosen = format(format);
		return documents.render(chosen, HttpStatus.OK, "services", catalog.servicesDocument(locale));
	}

	@GetMapping("/v2/services/{code}.{format}")
	ResponseEntity<byte[]> definition(@PathVariable String code, @PathVariable String format, Locale locale) {
		Format chosen = format(format);
		return documents.render(chosen, HttpStatus.OK, "service_definition", catalog.definitionDocument(code, locale));
	}

	/** Files a service request as a matter (channel Open311); the answer carries its id and a token. */
	@PostMapping("/v2/requests.{format}")
	ResponseEntity<byte[]> create(@PathVariable String format, @RequestParam MultiValueMap<String, String> form,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey, Locale locale) {
		Format chosen = format(format);
		App app = app(form.getFirst("api_key"));
		Filed filed = requests.submit(app, form, idempotencyKey, locale);
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("service_request_id", String.valueOf(filed.matterId()));
		request.put("token", filed.token());
		request.put("service_notice", notice(filed, locale));
		request.put("account_id", filed.accountId());
		ResponseEntity<byte[]> answer = documents.render(chosen, HttpStatus.OK, "service_requests", List.of(request));
		// As the staff API says it: the client can tell a retry that found its first request from a new one.
		return filed.replayed() ? ResponseEntity.status(answer.getStatusCode())
			.headers(answer.getHeaders())
			.header("Idempotency-Replayed", "true")
			.body(answer.getBody()) : answer;
	}

	/**
	 * The requests this app filed. Privacy (police data): a GET never shows what could identify or expose a
	 * citizen. An api_key is required even though the spec leaves GETs open, and only the requests filed with that
	 * key come back — one app's users never see another app's. Even to that app, the description, the media link
	 * and every contact field are left out (null): an app's key is shared by all of its users, and a tip-off's
	 * text may name the tipster or the suspect. A tip-off (举报) also comes back without its place.
	 */
	@GetMapping("/v2/requests.{format}")
	ResponseEntity<byte[]> list(@PathVariable String format, @RequestParam MultiValueMap<String, String> params) {
		Format chosen = format(format);
		App app = app(params.getFirst("api_key"));
		RequestFilter filter = RequestFilter.parse(params, clock.instant());
		List<Map<String, Object>> found = requests.find(app, filter).stream().map(Open311Controller::request).toList();
		return documents.render(chosen, HttpStatus.OK, "service_requests", found);
	}

	/** One request this app filed, with the same privacy rule as the list. */
	@GetMapping("/v2/requests/{id}.{format}")
	ResponseEntity<byte[]> one(@PathVariable String id, @PathVariable String format,
			@RequestParam(name = "api_key", required = false) String apiKey) {
		Format chosen = format(format);
		App app = app(apiKey);
		AppRequest found = parseId(id).flatMap(matterId -> requests.one(app, matterId))
			.orElseThrow(() -> Open311Exception.of(HttpStatus.NOT_FOUND, "open311.error.request"));
		return documents.render(chosen, HttpStatus.OK, "service_requests", List.of(request(found)));
	}

	/** The id of the request filed under a token. Only the app that filed it may ask. */
	@GetMapping("/v2/tokens/{token}.{format}")
	ResponseEntity<byte[]> token(@PathVariable String token, @PathVariable String format,
			@RequestParam(name = "api_key", required = false) String apiKey) {
		Format chosen = format(format);
		App app = app(apiKey);
		long matterId = requests.matterOfToken(app, token)
			.orElseThrow(() -> Open311Exception.of(HttpStatus.NOT_FOUND, "open311.error.token"));
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("service_request_id", String.valueOf(matterId));
		request.put("token", token);
		return documents.render(chosen, HttpStatus.OK, "service_requests", List.of(request));
	}

	/** Anything else under /open311 is a 404 in the spec's form, not the staff error page. */
	@RequestMapping("/**")
	ResponseEntity<byte[]> unknown() {
		throw Open311Exception.of(HttpStatus.NOT_FOUND, "open311.error.notFound");
	}

	/** A request as GeoReport lists it; see {@link #list} for what is left out and why. */
	private static Map<String, Object> request(AppRequest found) {
		PublicMatter matter = found.matter();
		boolean hidePlace = matter.kind() == MatterKind.TIP_OFF;
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("service_request_id", String.valueOf(matter.id()));
		request.put("status", matter.status() == PublicStatus.CLOSED ? "closed" : "open");
		request.put("status_notes", statusNotes(matter));
		request.put("service_name", matter.categoryName());
		request.put("service_code", matter.categoryCode());
		request.put("description", null);
		request.put("agency_responsible", matter.leadUnitName());
		request.put("service_notice", null);
		request.put("requested_datetime", datetime(matter.receivedAt()));
		request.put("updated_datetime", datetime(matter.updatedAt()));
		request.put("expected_datetime", datetime(matter.replyDue()));
		request.put("address", hidePlace ? null : matter.address());
		request.put("address_id", hidePlace ? null : found.addressId());
		request.put("zipcode", null);
		request.put("lat", hidePlace ? null : matter.latitude());
		request.put("long", hidePlace ? null : matter.longitude());
		request.put("media_url", null);
		return request;
	}

	/** The approved public reply (答复) with its rectification measures (整改措施); nothing before it is approved. */
	private static String statusNotes(PublicMatter matter) {
		if (matter.replyText() == null) {
			return null;
		}
		return matter.measures() == null ? matter.replyText() : matter.replyText() + "\n" + matter.measures();
	}

	/** ISO 8601 with the offset of Asia/Shanghai, to the second: {@code 2026-11-29T08:30:00+08:00}. */
	static String datetime(Instant instant) {
		return instant == null ? null
				: instant.atZone(ZONE).truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
	}

	private static Optional<Long> parseId(String id) {
		try {
			return Optional.of(Long.parseLong(id));
		}
		catch (NumberFormatException e) {
			return Optional.empty();
		}
	}

	private String notice(Filed filed, Locale locale) {
		if (filed.pin() != null) {
			return messages.getMessage("open311.notice.pin", new Object[] { filed.trackingCode(), filed.pin() }, locale);
		}
		if (filed.anonymous() || filed.trackingCode() == null) {
			return text("open311.notice.plain", locale);
		}
		return messages.getMessage("open311.notice.tracking", new Object[] { filed.trackingCode() }, locale);
	}

	/** The app behind the api_key; 403 for a missing, unknown or revoked key, without saying which. */
	private App app(String apiKey) {
		return keys.authenticate(apiKey).orElseThrow(() -> Open311Exception.of(HttpStatus.FORBIDDEN, "open311.error.apiKey"));
	}

	private static Format format(String extension) {
		Format format = Format.of(extension);
		if (format == null) {
			throw Open311Exception.of(HttpStatus.NOT_FOUND, "open311.error.format");
		}
		return format;
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}

}
