package cn.shouhu.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import cn.shouhu.TestStaff;
import cn.shouhu.audit.AuditApplicationTest;
import cn.shouhu.audit.AuditRecord;
import cn.shouhu.audit.AuditTrail;
import cn.shouhu.shared.Role;

/** AuditTrail.record as other modules use it: inside their transaction, with who, when and where filled in. */
@AuditApplicationTest
class RecordingAuditTrailTest {

	@Autowired
	AuditTrail audit;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ChainVerifier verifier;

	@Autowired
	PlatformTransactionManager transactions;

	@AfterEach
	void clearContext() {
		SecurityContextHolder.clearContext();
		RequestContextHolder.resetRequestAttributes();
	}

	@Test
	void recordsTheChangeWithTheStaffMemberTheirUnitAndAddress() {
		SecurityContextHolder.getContext().setAuthentication(TestStaff.as(Role.SYSTEM_ADMIN, 7));
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/organization/officers");
		request.setRemoteAddr("10.12.0.5");
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
		String id = unique();

		new TransactionTemplate(transactions).executeWithoutResult(status -> audit
			.record(AuditRecord.created("organization", "officer", id, Map.of("name", "王五", "badgeNo", "100231"))));

		Map<String, Object> row = row(id);
		assertThat(row).containsEntry("actor", "test-system_admin-7")
			.containsEntry("actor_unit_id", 7L)
			.containsEntry("ip", "10.12.0.5")
			.containsEntry("module", "organization")
			.containsEntry("action", "officer.create")
			.containsEntry("outcome", "SUCCESS")
			.containsEntry("target_type", "officer");
		assertThat((String) row.get("detail")).isEqualTo("{\"after\":{\"badgeNo\":\"100231\",\"name\":\"王五\"}}");
		assertThat(verifier.verify().intact()).isTrue();
	}

	@Test
	void outsideARequestTheActorIsTheSystem() {
		// The test framework binds a mock request to every test thread; a scheduler thread has none.
		RequestContextHolder.resetRequestAttributes();
		String id = unique();

		new TransactionTemplate(transactions).executeWithoutResult(
				status -> audit.record(AuditRecord.deleted("calendar", "holiday", id, Map.of("date", "2025-05-01"))));

		assertThat(row(id)).containsEntry("actor", "system").containsEntry("ip", null).containsEntry("actor_unit_id",
				null);
	}

	@Test
	void masksPersonalDataBeforeItIsStored() {
		Map<String, Object> before = new LinkedHashMap<>();
		before.put("phone", "13812345678");
		before.put("idNumber", "150203199001011234");
		before.put("password", "Secret#2025");
		Map<String, Object> after = new LinkedHashMap<>(before);
		after.put("phone", "13987654321");
		String id = unique();

		new TransactionTemplate(transactions).executeWithoutResult(status -> audit
			.record(AuditRecord.updated("matters", "matter.edit", "matter", id, before, after)));

		String detail = (String) row(id).get("detail");
		assertThat(detail).contains("138****5678", "139****4321", "150203********1234", "******")
			.doesNotContain("13812345678", "13987654321", "150203199001011234", "Secret#2025");
	}

	@Test
	void aRolledBackChangeLeavesNoRecord() {
		String id = unique();
		long before = count();

		new TransactionTemplate(transactions).executeWithoutResult(status -> {
			audit.record(AuditRecord.created("organization", "unit", id, Map.of("name", "新单位")));
			status.setRollbackOnly();
		});

		assertThat(count()).isEqualTo(before);
	}

	@Test
	void aFailingChangeTakesItsRecordWithIt() {
		String id = unique();
		TransactionTemplate tx = new TransactionTemplate(transactions);

		assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
			audit.record(AuditRecord.created("organization", "unit", id, Map.of("name", "新单位")));
			throw new IllegalStateException("the business change failed");
		})).hasMessage("the business change failed");

		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE target_id = ?", Long.class, id))
			.isZero();
	}

	@Test
	void aRecordInAnInnerNewTransactionCommitsWithThatTransactionOnly() {
		String outer = unique();
		String inner = unique();
		TransactionTemplate tx = new TransactionTemplate(transactions);
		TransactionTemplate requiresNew = new TransactionTemplate(transactions);
		requiresNew.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

		tx.executeWithoutResult(status -> {
			audit.record(AuditRecord.created("organization", "unit", outer, Map.of()));
			requiresNew.executeWithoutResult(
					innerStatus -> audit.record(AuditRecord.created("organization", "unit", inner, Map.of())));
			status.setRollbackOnly();
		});

		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE target_id = ?", Long.class, outer))
			.isZero();
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE target_id = ?", Long.class, inner))
			.isEqualTo(1);
		assertThat(verifier.verify().intact()).isTrue();
	}

	@Test
	void recordingOutsideATransactionIsAProgrammingError() {
		assertThatThrownBy(() -> audit.record(AuditRecord.created("organization", "unit", 1, Map.of())))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("inside the transaction");
	}

	private Map<String, Object> row(String targetId) {
		return jdbc.queryForMap("SELECT * FROM audit_event WHERE target_id = ?", targetId);
	}

	private long count() {
		return jdbc.queryForObject("SELECT COUNT(*) FROM audit_event", Long.class);
	}

	private static String unique() {
		return UUID.randomUUID().toString();
	}

}
