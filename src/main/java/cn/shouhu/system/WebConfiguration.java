package cn.shouhu.system;

import java.time.Duration;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/** Chinese by default; {@code ?lang=en} switches to English and a cookie remembers the choice. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	/** Remembers the language the user chose. */
	static final String LANGUAGE_COOKIE = "shouhu_lang";

	private final SubmissionGate submissions;

	WebConfiguration(@Value("${shouhu.intake.max-concurrent:8}") int maxConcurrent,
			@Value("${shouhu.intake.max-wait:200ms}") Duration maxWait) {
		this.submissions = new SubmissionGate(maxConcurrent, maxWait);
	}

	@Bean
	SubmissionGate submissionGate() {
		return submissions;
	}

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver(LANGUAGE_COOKIE);
		resolver.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
		resolver.setCookieMaxAge(Duration.ofDays(365));
		return resolver;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
		interceptor.setParamName("lang");
		interceptor.setIgnoreInvalidLocale(true);
		registry.addInterceptor(interceptor);
		// The public intake paths, where bursts arrive (only their POSTs pass the gate).
		registry.addInterceptor(submissions).addPathPatterns("/open311/v2/requests.*", "/portal/submit", "/api/v1/matters");
	}

}
