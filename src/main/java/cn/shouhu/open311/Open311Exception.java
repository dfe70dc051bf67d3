package cn.shouhu.open311;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * A request the GeoReport spec answers with an error list: 400 (missing or invalid data), 403 (api_key) or 404
 * (unknown service or request). Each problem is a message key, so the description is in the caller's language.
 */
class Open311Exception extends RuntimeException {

	/** One entry of the error list. */
	record Problem(String messageKey, Object... args) {
	}

	private final HttpStatus status;

	private final List<Problem> problems;

	Open311Exception(HttpStatus status, List<Problem> problems) {
		super(status + " " + problems.stream().map(Problem::messageKey).toList());
		this.status = status;
		this.problems = List.copyOf(problems);
	}

	static Open311Exception of(HttpStatus status, String messageKey, Object... args) {
		return new Open311Exception(status, List.of(new Problem(messageKey, args)));
	}

	static Open311Exception badRequest(String messageKey, Object... args) {
		return of(HttpStatus.BAD_REQUEST, messageKey, args);
	}

	HttpStatus status() {
		return status;
	}

	List<Problem> problems() {
		return problems;
	}

}
