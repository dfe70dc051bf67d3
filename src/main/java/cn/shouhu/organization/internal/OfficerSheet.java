package cn.shouhu.organization.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.context.MessageSource;

import cn.shouhu.organization.OfficerStatus;

/**
 * The officers' spreadsheet layout, one for the import template, the import and the export, so that an export can
 * be corrected and imported again: 警号, 姓名, 单位, 职务, 党员(是/否), 状态(在职/调离/退休). Headers and values are
 * read in Chinese or in English.
 */
final class OfficerSheet {

	/** More rows than this are refused whole: split the file. */
	static final int MAX_ROWS = 5000;

	static final int BADGE_NO = 0;

	static final int NAME = 1;

	static final int UNIT = 2;

	static final int POSITION = 3;

	static final int PARTY_MEMBER = 4;

	static final int STATUS = 5;

	/** The header keys, column by column. */
	static final List<String> COLUMN_KEYS = List.of("organization.sheet.badgeNo", "organization.sheet.name",
			"organization.sheet.unit", "organization.sheet.position", "organization.sheet.partyMember",
			"organization.sheet.status");

	/** The languages whose headers and values an import understands. */
	static final List<Locale> LOCALES = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);

	private final MessageSource messages;

	OfficerSheet(MessageSource messages) {
		this.messages = messages;
	}

	List<String> headers(Locale locale) {
		return COLUMN_KEYS.stream().map(key -> text(key, locale)).toList();
	}

	String yesNo(boolean value, Locale locale) {
		return text(value ? "common.yes" : "common.no", locale);
	}

	String status(OfficerStatus status, Locale locale) {
		return text("officer.status." + status.name(), locale);
	}

	/** True if a header cell names column {@code column}; the hint in brackets may be left out. */
	boolean headerMatches(int column, String cell) {
		String given = headerCore(cell);
		return !given.isEmpty() && LOCALES.stream()
			.anyMatch(locale -> headerCore(text(COLUMN_KEYS.get(column), locale)).equalsIgnoreCase(given));
	}

	/** 是 / 否 (or Yes / No); a blank cell means 否. Empty if the cell says something else. */
	Optional<Boolean> parseYesNo(String cell) {
		if (cell == null) {
			return Optional.of(false);
		}
		for (Locale locale : LOCALES) {
			if (cell.equalsIgnoreCase(text("common.yes", locale))) {
				return Optional.of(true);
			}
			if (cell.equalsIgnoreCase(text("common.no", locale))) {
				return Optional.of(false);
			}
		}
		return Optional.empty();
	}

	/** 在职 / 调离 / 退休 (or their English names); a blank cell means 在职. */
	Optional<OfficerStatus> parseStatus(String cell) {
		if (cell == null) {
			return Optional.of(OfficerStatus.ACTIVE);
		}
		for (OfficerStatus status : OfficerStatus.values()) {
			if (cell.equalsIgnoreCase(status.name())) {
				return Optional.of(status);
			}
			for (Locale locale : LOCALES) {
				if (cell.equalsIgnoreCase(status(status, locale))) {
					return Optional.of(status);
				}
			}
		}
		return Optional.empty();
	}

	private static String headerCore(String header) {
		if (header == null) {
			return "";
		}
		String normalized = header.replace('（', '(').replaceAll("\\s+", "");
		int bracket = normalized.indexOf('(');
		return bracket >= 0 ? normalized.substring(0, bracket) : normalized;
	}

	String text(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, key, locale);
	}

}
