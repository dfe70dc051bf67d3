package cn.shouhu.audit.internal;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.jdbc.support.JdbcTransactionManager;

import cn.shouhu.audit.AuditCommandLine;

/**
 * The command-line verification: a Spring context with the application's configuration (application.yml,
 * profiles, environment variables, {@code --spring.datasource.url=...}) but only a data source in it.
 */
public final class VerifyCommand {

	private VerifyCommand() {
	}

	public static int run(String[] args, PrintStream out, PrintStream err) {
		MessageSource messages = messages();
		Locale locale = Locale.getDefault();
		String[] springArgs = Arrays.stream(args)
			.filter(arg -> !arg.equals(AuditCommandLine.COMMAND))
			.toArray(String[]::new);
		ChainVerifier.Anchor anchor;
		try {
			anchor = Arrays.stream(springArgs)
				.filter(arg -> arg.startsWith("--anchor="))
				.map(arg -> ChainVerifier.Anchor.parse(arg.substring("--anchor=".length())))
				.reduce((first, second) -> second)
				.orElse(null);
		}
		catch (IllegalArgumentException e) {
			err.println(messages.getMessage("audit.cli.badAnchor", null, locale));
			return AuditCommandLine.FAILED;
		}
		SpringApplicationBuilder builder = new SpringApplicationBuilder(VerifyConfiguration.class)
			.web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.properties(Map.of("logging.level.root", "WARN", "spring.main.lazy-initialization", "false"));
		try (ConfigurableApplicationContext context = builder.run(springArgs)) {
			ChainVerification result = context.getBean(ChainVerifier.class).verify(anchor);
			if (result.intact()) {
				out.println(messages.getMessage("audit.cli.intact",
						new Object[] { result.rowsChecked(), result.lastId() == null ? "-" : result.lastId() + ":"
								+ result.lastHash() }, locale));
				return AuditCommandLine.INTACT;
			}
			out.println(messages.getMessage("audit.cli.broken",
					new Object[] { result.rowsChecked(), result.firstBrokenId() }, locale));
			out.println(messages.getMessage("audit.verify.problem." + result.problem(),
					new Object[] { result.firstBrokenId(), result.detail() }, locale));
			return AuditCommandLine.BROKEN;
		}
		catch (RuntimeException e) {
			err.println(messages.getMessage("audit.cli.failed", new Object[] { rootMessage(e) }, locale));
			return AuditCommandLine.FAILED;
		}
	}

	private static String rootMessage(Throwable e) {
		Throwable root = e;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + ": " + root.getMessage();
	}

	private static MessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("i18n/audit");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(DataSourceAutoConfiguration.class)
	static class VerifyConfiguration {

		@Bean
		ChainVerifier chainVerifier(DataSource dataSource) {
			return new ChainVerifier(dataSource, new JdbcTransactionManager(dataSource));
		}

	}

}
