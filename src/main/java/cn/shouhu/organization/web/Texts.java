package cn.shouhu.organization.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import cn.shouhu.shared.UserFacingException;

/** Message-bundle texts in the request's language, for flash messages that carry arguments. */
@Component
class Texts {

	private final MessageSource messages;

	Texts(MessageSource messages) {
		this.messages = messages;
	}

	String get(String key, Object... args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

	String of(UserFacingException e) {
		return get(e.messageKey(), e.args());
	}

}
