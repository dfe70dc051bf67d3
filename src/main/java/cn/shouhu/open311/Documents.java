package cn.shouhu.open311;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Writes GeoReport documents as JSON or XML from one tree of ordered maps and lists, so both formats always carry
 * the same fields. Element names follow the spec: a list's items are named after the list ({@code <services>}
 * holds {@code <service>} elements, {@code <service_requests>} holds {@code <request>}). XML is written with the
 * JDK's StAX writer rather than a Jackson XML converter: a converter on the classpath would make every other
 * endpoint of the application answer in XML to a client that asks for it.
 */
@Component
class Documents {

	/** What the file name of a resource ends with: {@code services.json}, {@code services.xml}. */
	enum Format {

		JSON(new MediaType("application", "json", StandardCharsets.UTF_8)),
		XML(new MediaType("text", "xml", StandardCharsets.UTF_8));

		final MediaType mediaType;

		Format(MediaType mediaType) {
			this.mediaType = mediaType;
		}

		/** The format named by a file extension; null for anything else (the resource does not exist). */
		static Format of(String extension) {
			if (extension == null) {
				return null;
			}
			return switch (extension.toLowerCase(Locale.ROOT)) {
				case "json" -> JSON;
				case "xml" -> XML;
				default -> null;
			};
		}

	}

	private static final Map<String, String> ITEMS = Map.of("services", "service", "service_requests", "request",
			"errors", "error", "attributes", "attribute", "values", "value", "endpoints", "endpoint", "formats",
			"format");

	private static final XMLOutputFactory XML_OUTPUT = XMLOutputFactory.newFactory();

	private final JsonMapper json;

	Documents(JsonMapper json) {
		this.json = json;
	}

	/**
	 * @param root the name of the XML root element ({@code services}, {@code service_definition} …); a list's
	 *     items are named from it
	 * @param body an ordered map (an object) or a list of them; values are strings, numbers, booleans, null,
	 *     lists of strings or further maps
	 */
	ResponseEntity<byte[]> render(Format format, HttpStatus status, String root, Object body) {
		byte[] bytes = format == Format.JSON ? json.writeValueAsBytes(body) : xml(root, body);
		// Answers depend on the api_key and change with every action on a matter: no cache may keep them.
		return ResponseEntity.status(status).contentType(format.mediaType).cacheControl(CacheControl.noStore())
			.body(bytes);
	}

	static byte[] xml(String root, Object body) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			XMLStreamWriter writer = XML_OUTPUT.createXMLStreamWriter(out, "UTF-8");
			writer.writeStartDocument("UTF-8", "1.0");
			element(writer, root, body);
			writer.writeEndDocument();
			writer.close();
		}
		catch (XMLStreamException e) {
			throw new IllegalStateException("Could not write the XML document", e);
		}
		return out.toByteArray();
	}

	private static void element(XMLStreamWriter writer, String name, Object value) throws XMLStreamException {
		if (value == null) {
			writer.writeEmptyElement(name);
			return;
		}
		writer.writeStartElement(name);
		if (value instanceof Map<?, ?> map) {
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				element(writer, String.valueOf(entry.getKey()), entry.getValue());
			}
		}
		else if (value instanceof List<?> list) {
			String item = ITEMS.getOrDefault(name, "item");
			for (Object each : list) {
				element(writer, item, each);
			}
		}
		else {
			writer.writeCharacters(xmlText(String.valueOf(value)));
		}
		writer.writeEndElement();
	}

	/** Drops the characters XML 1.0 cannot carry (control characters a citizen may have pasted). */
	static String xmlText(String text) {
		StringBuilder clean = new StringBuilder(text.length());
		text.codePoints().forEach(c -> {
			if (c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
					|| c >= 0x10000) {
				clean.appendCodePoint(c);
			}
		});
		return clean.toString();
	}

}
