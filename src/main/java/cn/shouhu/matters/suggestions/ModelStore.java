package cn.shouhu.matters.suggestions;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table {@code suggestion_model}: model versions with their measurements and bytes. */
@Repository
class ModelStore {

	/** The default model's id, inserted under it so that nodes starting at once store it once. */
	static final long DEFAULT_MODEL_ID = 1;

	private static final String COLUMNS = "id, created_at, source, training_count, branch_count, accuracy, macro_f1, "
			+ "held_out_count, compared_accuracy, active, created_by_name";

	private final JdbcClient jdbc;

	ModelStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A model to store: what it was trained on, how it measured, and who asked for it. */
	record NewModel(Instant createdAt, ModelSource source, int trainingCount, int branchCount, double accuracy,
			double macroF1, int heldOutCount, Double comparedAccuracy, byte[] bytes, Long createdBy,
			String createdByName) {
	}

	boolean isEmpty() {
		return jdbc.sql("SELECT COUNT(*) FROM suggestion_model").query(Long.class).single() == 0;
	}

	/** Stores the default model as id 1, active. A primary-key conflict means another node stored it first. */
	void insertDefault(NewModel model) {
		insert(DEFAULT_MODEL_ID, model, true);
	}

	/** Stores a new version, not active; returns its id. */
	long insert(NewModel model) {
		long id = jdbc.sql("SELECT nextval('suggestion_model_id_seq')").query(Long.class).single();
		insert(id, model, false);
		return id;
	}

	private void insert(long id, NewModel model, boolean active) {
		jdbc.sql("""
				INSERT INTO suggestion_model (id, created_at, source, training_count, branch_count, accuracy, macro_f1,
				    held_out_count, compared_accuracy, model_bytes, active, created_by, created_by_name)
				VALUES (:id, :createdAt, :source, :trainingCount, :branchCount, :accuracy, :macroF1, :heldOutCount,
				    :comparedAccuracy, :bytes, :active, :createdBy, :createdByName)""")
			.param("id", id)
			.param("createdAt", OffsetDateTime.ofInstant(model.createdAt(), ZoneOffset.UTC))
			.param("source", model.source().name())
			.param("trainingCount", model.trainingCount())
			.param("branchCount", model.branchCount())
			.param("accuracy", model.accuracy())
			.param("macroF1", model.macroF1())
			.param("heldOutCount", model.heldOutCount())
			.param("comparedAccuracy", model.comparedAccuracy())
			.param("bytes", model.bytes())
			.param("active", active)
			.param("createdBy", model.createdBy())
			.param("createdByName", model.createdByName())
			.update();
	}

	/** Every version, newest first. */
	List<ModelVersion> versions() {
		return jdbc.sql("SELECT " + COLUMNS + " FROM suggestion_model ORDER BY id DESC").query(ModelStore::version).list();
	}

	Optional<ModelVersion> find(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM suggestion_model WHERE id = :id")
			.param("id", id)
			.query(ModelStore::version)
			.optional();
	}

	Optional<ModelVersion> active() {
		return jdbc.sql("SELECT " + COLUMNS + " FROM suggestion_model WHERE active").query(ModelStore::version).optional();
	}

	/** The active model's id: the cheap read each node repeats to follow a switch made elsewhere. */
	Optional<Long> activeId() {
		return jdbc.sql("SELECT id FROM suggestion_model WHERE active").query(Long.class).optional();
	}

	Optional<byte[]> bytes(long id) {
		return jdbc.sql("SELECT model_bytes FROM suggestion_model WHERE id = :id")
			.param("id", id)
			.query((rs, row) -> rs.getBytes(1))
			.optional();
	}

	/** Makes this version the only active one, in one statement; false when there is no such version. */
	boolean activate(long id) {
		if (find(id).isEmpty()) {
			return false;
		}
		jdbc.sql("UPDATE suggestion_model SET active = (id = :id)").param("id", id).update();
		return true;
	}

	/** When the newest version was made, if any. */
	Optional<Instant> latestCreatedAt() {
		return jdbc.sql("SELECT created_at FROM suggestion_model ORDER BY created_at DESC LIMIT 1")
			.query((rs, row) -> instant(rs.getObject(1, OffsetDateTime.class)))
			.optional();
	}

	private static ModelVersion version(ResultSet rs, int row) throws SQLException {
		double compared = rs.getDouble("compared_accuracy");
		Double comparedAccuracy = rs.wasNull() ? null : compared;
		return new ModelVersion(rs.getLong("id"), instant(rs.getObject("created_at", OffsetDateTime.class)),
				ModelSource.valueOf(rs.getString("source")), rs.getInt("training_count"), rs.getInt("branch_count"),
				rs.getDouble("accuracy"), rs.getDouble("macro_f1"), rs.getInt("held_out_count"),
				comparedAccuracy, rs.getBoolean("active"), rs.getString("created_by_name"));
	}

	private static Instant instant(OffsetDateTime at) {
		return at == null ? null : at.toInstant();
	}

}
