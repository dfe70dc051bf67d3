package cn.shouhu.audit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import cn.shouhu.organization.OrganizationDirectory;

/**
 * The whole application on a fresh in-memory H2 with MockMvc, shared by the audit module's Spring tests (one
 * context for all of them). The organisation directory is a mock: the audit trail needs nothing from it, and the
 * accounts module asks for one. So is the sign-in's account lookup: tests give it the staff member who signs in,
 * and everything from the login form to the audit row is the real thing.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest
@AutoConfigureMockMvc
@MockitoBean(types = { OrganizationDirectory.class, UserDetailsService.class })
public @interface AuditApplicationTest {

}
