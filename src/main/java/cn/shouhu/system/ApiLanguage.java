package cn.shouhu.system;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The API answers in the language of the caller's {@code Accept-Language} (Chinese or English; Chinese when the
 * header is absent or names neither). The pages' resolver keeps the language in a cookie, which a stateless API
 * client neither has nor should be given; this runs after it, for every API under {@code /api/**}.
 */
@Configuration(proxyBeanMethods = false)
class ApiLanguage implements WebMvcConfigurer, HandlerInterceptor {

	private static final List<Locale> SUPPORTED = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this).addPathPatterns("/api/**");
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		LocaleContextHolder.setLocale(of(request.getHeader("Accept-Language")));
		return true;
	}

	static Locale of(String acceptLanguage) {
		if (acceptLanguage == null || acceptLanguage.isBlank()) {
			return Locale.SIMPLIFIED_CHINESE;
		}
		try {
			List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(acceptLanguage);
			Locale best = Locale.lookup(ranges, SUPPORTED);
			if (best == null) {
				best = Locale.filter(ranges, SUPPORTED).stream().findFirst().orElse(Locale.SIMPLIFIED_CHINESE);
			}
			return best;
		}
		catch (IllegalArgumentException e) {
			return Locale.SIMPLIFIED_CHINESE;
		}
	}

}
