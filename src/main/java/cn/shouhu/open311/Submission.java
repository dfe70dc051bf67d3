package cn.shouhu.open311;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;

import cn.shouhu.matters.Identifiers;
import cn.shouhu.matters.MatterKind;
import cn.shouhu.matters.Place;
import cn.shouhu.matters.Submitter;
import cn.shouhu.open311.Open311Exception.Problem;

/**
 * The fields of a GeoReport {@code POST requests} (form-encoded), read and checked before anything is written. Every
 * problem is collected, so an app learns all it must fix from one 400. What the matter itself checks (lengths, the
 * anonymity rule) is left to it, so the two never disagree.
 *
 * @param serviceCode the category code
 * @param anonymous 匿名: name and phone are neither required nor kept (the matter allows it for 举报 only)
 * @param mediaUrl a link to a photo the app hosts; Shouhu never fetches it (the intranet has no internet)
 */
record Submission(String serviceCode, MatterKind kind, boolean anonymous, String title, String description,
		Place place, Submitter submitter, String email, String deviceId, String accountId, String addressId,
		String mediaUrl) {

	/** The title a matter gets when the app sends none: the start of the description. */
	static final int DERIVED_TITLE_LENGTH = 30;

	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");

	/** Separators people type in a phone number, and the country code an app may put in front. */
	private static final Pattern PHONE_NOISE = Pattern.compile("[\\s\\-()]");

	private static final Pattern COUNTRY_CODE = Pattern.compile("^(\\+86|0086|86)(?=1\\d{10}$)");

	/**
	 * Reads the form's fields; the first value counts where an app sent a field twice.
	 *
	 * @throws Open311Exception 400 with every problem found
	 */
	static Submission parse(Map<String, List<String>> form) {
		Fields fields = new Fields(form);
		List<Problem> problems = new ArrayList<>();

		String serviceCode = fields.text("service_code");
		if (serviceCode == null) {
			problems.add(new Problem("open311.error.required", "service_code"));
		}

		MatterKind kind = null;
		String kindKey = fields.text("attribute[" + ServiceCatalog.KIND + "]");
		if (kindKey == null) {
			problems.add(new Problem("open311.error.required", "attribute[kind]"));
		}
		else {
			try {
				kind = MatterKind.valueOf(kindKey.toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException e) {
				problems.add(new Problem("open311.error.kind", kindKey));
			}
		}

		boolean anonymous = false;
		String anonymousValue = fields.text("attribute[" + ServiceCatalog.ANONYMOUS + "]");
		if (anonymousValue != null) {
			switch (anonymousValue.toLowerCase(Locale.ROOT)) {
				case "true" -> anonymous = true;
				case "false" -> anonymous = false;
				default -> problems.add(new Problem("open311.error.anonymous"));
			}
		}

		Double latitude = fields.number("lat", problems);
		Double longitude = fields.number("long", problems);
		String address = fields.text("address_string");
		String addressId = fields.limited("address_id", 100, problems);
		if ((latitude == null || longitude == null) && address == null && addressId == null
				&& !problems.stream().anyMatch(p -> p.messageKey().equals("open311.error.number"))) {
			problems.add(new Problem("open311.error.location"));
		}
		if (address == null && addressId != null) {
			// Shouhu keeps no address register to resolve the app's address ids; staff see the id as the address.
			address = "address_id " + addressId;
		}
		Place place = new Place(address, fields.text("attribute[" + ServiceCatalog.COMMUNITY + "]"), latitude,
				longitude);

		String description = fields.text("description");
		if (description == null) {
			problems.add(new Problem("open311.error.required", "description"));
		}
		String title = fields.text("attribute[" + ServiceCatalog.TITLE + "]");
		if (title == null && description != null) {
			title = derivedTitle(description);
		}

		String email = fields.limited("email", 200, problems);
		if (email != null && !EMAIL.matcher(email).matches()) {
			problems.add(new Problem("open311.error.email"));
		}
		String mediaUrl = fields.limited("media_url", 500, problems);
		if (mediaUrl != null && !isWebLink(mediaUrl)) {
			problems.add(new Problem("open311.error.mediaUrl"));
		}

		Submitter submitter;
		if (anonymous) {
			// Nothing that names the tipster is kept, even if the app sent it.
			submitter = Submitter.anonymousPerson();
			email = null;
		}
		else {
			String lastName = fields.text("last_name");
			String firstName = fields.text("first_name");
			// Chinese order: the family name (last_name) comes first.
			String name = lastName == null && firstName == null ? null
					: (lastName == null ? "" : lastName) + (firstName == null ? "" : firstName);
			if (name == null) {
				problems.add(new Problem("open311.error.required", "first_name / last_name"));
			}
			String phone = normalisedPhone(fields.text("phone"));
			if (phone == null) {
				problems.add(new Problem("open311.error.required", "phone"));
			}
			else if (!Identifiers.isMobilePhone(phone)) {
				problems.add(new Problem("open311.error.phone"));
			}
			submitter = new Submitter(false, name, phone, null,
					fields.text("attribute[" + ServiceCatalog.ENTERPRISE_NAME + "]"),
					fields.text("attribute[" + ServiceCatalog.CREDIT_CODE + "]"));
		}

		String deviceId = fields.limited("device_id", 100, problems);
		String accountId = fields.limited("account_id", 100, problems);
		if (!problems.isEmpty()) {
			throw new Open311Exception(HttpStatus.BAD_REQUEST, problems);
		}
		return new Submission(serviceCode, kind, anonymous, title, description, place, submitter, email, deviceId,
				accountId, addressId, mediaUrl);
	}

	/** The description the matter keeps: the app's text, and the photo link for staff to open themselves. */
	String matterDescription(String mediaLabel) {
		return mediaUrl == null ? description : description + "\n\n" + mediaLabel + mediaUrl;
	}

	static String derivedTitle(String description) {
		String oneLine = description.replaceAll("\\s+", " ").strip();
		if (oneLine.codePointCount(0, oneLine.length()) <= DERIVED_TITLE_LENGTH) {
			return oneLine;
		}
		return oneLine.substring(0, oneLine.offsetByCodePoints(0, DERIVED_TITLE_LENGTH)) + "…";
	}

	static String normalisedPhone(String phone) {
		if (phone == null) {
			return null;
		}
		String digits = PHONE_NOISE.matcher(phone).replaceAll("");
		return COUNTRY_CODE.matcher(digits).replaceFirst("");
	}

	private static boolean isWebLink(String url) {
		try {
			URI uri = new URI(url);
			String scheme = uri.getScheme();
			return uri.getHost() != null
					&& ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme));
		}
		catch (URISyntaxException e) {
			return false;
		}
	}

	/** The form's first values, trimmed; blank counts as absent. */
	private record Fields(Map<String, List<String>> form) {

		String text(String name) {
			List<String> values = form.get(name);
			if (values == null || values.isEmpty() || values.get(0) == null) {
				return null;
			}
			String value = values.get(0).strip();
			return value.isEmpty() ? null : value;
		}

		String limited(String name, int max, List<Problem> problems) {
			String value = text(name);
			if (value != null && value.codePointCount(0, value.length()) > max) {
				problems.add(new Problem("open311.error.tooLong", name, max));
				return null;
			}
			return value;
		}

		Double number(String name, List<Problem> problems) {
			String value = text(name);
			if (value == null) {
				return null;
			}
			try {
				double number = Double.parseDouble(value);
				if (Double.isFinite(number) && value.length() <= 30) {
					return number;
				}
			}
			catch (NumberFormatException e) {
				// reported below
			}
			problems.add(new Problem("open311.error.number", name));
			return null;
		}

	}

}
