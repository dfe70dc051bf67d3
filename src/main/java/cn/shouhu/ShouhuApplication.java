package cn.shouhu;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

import cn.shouhu.audit.AuditCommandLine;
import cn.shouhu.classification.ClassifyCommandLine;

/**
 * Shouhu (守护): the work platform of a district police branch. Each top-level package below this one is
 * a business capability (a Spring Modulith application module); its root package is its API.
 */
@Modulithic(sharedModules = "shared")
@SpringBootApplication
@ConfigurationPropertiesScan
public class ShouhuApplication {

	public static void main(String[] args) {
		// `audit-verify`: check the audit trail's hash chain from the command line, without the web server.
		if (AuditCommandLine.isRequested(args)) {
			System.exit(AuditCommandLine.verify(args));
		}
		// `classify --train A.tsv --eval B.tsv`: train and measure a text classifier, without the web server.
		if (ClassifyCommandLine.isRequested(args)) {
			System.exit(ClassifyCommandLine.run(args));
		}
		SpringApplication.run(ShouhuApplication.class, args);
	}

}
