package cn.shouhu.matters.suggestions;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import cn.shouhu.audit.AuditRecord;
import cn.shouhu.audit.AuditTrail;
import cn.shouhu.classification.Evaluation;
import cn.shouhu.classification.LabelledText;
import cn.shouhu.classification.TextModel;
import cn.shouhu.matters.suggestions.TrainingData.Example;
import cn.shouhu.shared.CurrentStaff;
import cn.shouhu.shared.NotFoundException;
import cn.shouhu.shared.Role;

/**
 * The model versions: the default model trained from the corpus at the first start, retraining from the corpus and
 * the branch's closed matters (by a system administrator, or weekly), and switching the active version.
 *
 * <p>Every model is measured the same way: a stratified fifth of its messages (fixed seed) is held out, a model
 * trained on the other four fifths is scored on it, and the stored model is then trained on all of them. A retrained
 * model becomes active only if it is at least as accurate as the active one <em>on the same held-out messages</em>:
 * the active model's recipe (the corpus, plus the matters that had closed when it was made) is trained again on the
 * same four fifths and scored on the same fifth. Scoring the stored active model itself would be unfair, since it
 * has learnt many of the held-out messages. A model that loses is kept, inactive; an administrator may still
 * switch to it.
 */
@Service
class SuggestionModels {

	private static final Logger log = LoggerFactory.getLogger(SuggestionModels.class);

	static final String MODULE = "matters";

	static final String TARGET = "suggestion_model";

	private final ModelStore store;

	private final TrainingData data;

	private final ActiveModel active;

	private final AuditTrail audit;

	private final TransactionTemplate transactions;

	private final SuggestionProperties properties;

	private final Clock clock;

	/**
	 * The last default model trained in this JVM and the corpus it came from. Training is deterministic, so another
	 * application context of the same JVM starting on an empty database (as tests do) stores the same model without
	 * training it again.
	 */
	private static volatile DefaultModel lastDefault;

	private record DefaultModel(List<LabelledText> corpus, Trained trained) {
	}

	SuggestionModels(ModelStore store, TrainingData data, ActiveModel active, AuditTrail audit,
			TransactionTemplate transactions, SuggestionProperties properties, Clock clock) {
		this.store = store;
		this.data = data;
		this.active = active;
		this.audit = audit;
		this.transactions = transactions;
		this.properties = properties;
		this.clock = clock;
	}

	/** What a retraining made, and whether it became the active model. */
	record Outcome(ModelVersion version, boolean activated) {
	}

	/**
	 * At start: trains the default model from the corpus and stores it as version 1, active, if no model exists;
	 * then loads the active model. Without a corpus nothing is suggested until one is configured.
	 */
	void start() {
		if (store.isEmpty()) {
			Optional<List<LabelledText>> corpus = data.corpus();
			if (corpus.isEmpty() || corpus.get().isEmpty()) {
				log.warn("No suggestion corpus at {}: categories are not suggested until a model exists",
						properties.corpus());
				return;
			}
			Trained trained = defaultModel(corpus.get());
			try {
				transactions.executeWithoutResult(status -> {
					store.insertDefault(trained.toNew(ModelSource.DEFAULT_CORPUS, clock.instant(), null, null));
					audit.record(AuditRecord.created(MODULE, TARGET, ModelStore.DEFAULT_MODEL_ID, trained.fields()));
				});
				log.info("Default suggestion model trained on {} messages: accuracy {} on {} held out",
						trained.trainingCount(), trained.accuracy(), trained.heldOutCount());
			}
			catch (DuplicateKeyException e) {
				log.info("Another node stored the default suggestion model first");
			}
		}
		active.refresh();
	}

	private static Trained defaultModel(List<LabelledText> corpus) {
		DefaultModel last = lastDefault;
		if (last != null && last.corpus().equals(corpus)) {
			return last.trained();
		}
		Trained trained = train(corpus.stream().map(text -> new Example(text, null)).toList(), null);
		lastDefault = new DefaultModel(List.copyOf(corpus), trained);
		return trained;
	}

	List<ModelVersion> versions() {
		return store.versions();
	}

	/** 重新训练, by a system administrator. */
	Outcome retrain(CurrentStaff staff) {
		if (!staff.has(Role.SYSTEM_ADMIN)) {
			throw new AccessDeniedException("Only a system administrator retrains the suggestion model");
		}
		return retrain(staff.officerId(), staff.officerName());
	}

	/**
	 * The weekly job's run: retrains only when at least {@code min-new-matters} matters have closed since the newest
	 * model was made; otherwise nothing happens.
	 */
	Optional<Outcome> retrainIfDue() {
		Instant since = store.latestCreatedAt().orElse(null);
		long closed = data.closedSince(since);
		if (closed < properties.retrain().minNewMatters()) {
			log.info("Suggestion model not retrained: {} matters closed since the last model, {} needed", closed,
					properties.retrain().minNewMatters());
			return Optional.empty();
		}
		return Optional.of(retrain(null, null));
	}

	/** 设为当前: makes a stored version the active one, on this node now and on the others at their next refresh. */
	void activate(CurrentStaff staff, long id) {
		if (!staff.has(Role.SYSTEM_ADMIN)) {
			throw new AccessDeniedException("Only a system administrator switches the suggestion model");
		}
		transactions.executeWithoutResult(status -> {
			Long before = store.activeId().orElse(null);
			if (!store.activate(id)) {
				throw new NotFoundException("matters-suggestions.model.notFound");
			}
			Map<String, Object> was = new LinkedHashMap<>();
			was.put("activeModel", before);
			audit.record(AuditRecord.updated(MODULE, TARGET + ".activate", TARGET, id, was, Map.of("activeModel", id)));
		});
		active.refresh();
	}

	private Outcome retrain(Long by, String byName) {
		List<LabelledText> corpus = data.corpus().orElse(List.of());
		List<Example> examples = new ArrayList<>(corpus.stream().map(text -> new Example(text, null)).toList());
		examples.addAll(data.closedMatters());
		if (examples.isEmpty()) {
			throw new IllegalStateException("Nothing to train the suggestion model on: no corpus and no closed matter");
		}
		Trained trained = train(examples, store.active().orElse(null));
		long id = transactions.execute(status -> {
			long stored = store.insert(trained.toNew(ModelSource.BRANCH_HISTORY, clock.instant(), by, byName));
			audit.record(AuditRecord.created(MODULE, TARGET, stored, trained.fields()));
			if (trained.beatsActive()) {
				Long before = store.activeId().orElse(null);
				store.activate(stored);
				Map<String, Object> was = new LinkedHashMap<>();
				was.put("activeModel", before);
				audit.record(AuditRecord.updated(MODULE, TARGET + ".activate", TARGET, stored, was,
						Map.of("activeModel", stored)));
			}
			return stored;
		});
		active.refresh();
		log.info("Suggestion model {} trained on {} messages ({} closed matters): accuracy {} against {}; {}", id,
				trained.trainingCount(), trained.branchCount(), trained.accuracy(), trained.comparedAccuracy(),
				trained.beatsActive() ? "active" : "kept inactive");
		return new Outcome(store.find(id).orElseThrow(), trained.beatsActive());
	}

	/**
	 * Measures a model of these messages on a held-out fifth, measures the active model's recipe on the same fifth
	 * (when there is an active model), and trains the model to store on all of them.
	 */
	private static Trained train(List<Example> examples, ModelVersion activeVersion) {
		HeldOutSplit<Example> split = HeldOutSplit.of(examples, Example::label);
		List<LabelledText> heldOut = texts(split.heldOut());
		Evaluation measured = Evaluation.of(TextModel.train(texts(split.training())), heldOut);
		Double compared = null;
		if (activeVersion != null) {
			List<LabelledText> known = split.training()
				.stream()
				.filter(example -> knewOf(activeVersion, example))
				.map(Example::text)
				.toList();
			compared = known.isEmpty() ? 0.0 : Evaluation.of(TextModel.train(known), heldOut).accuracy();
		}
		long branch = examples.stream().filter(example -> example.closedAt() != null).count();
		return new Trained(TextModel.train(texts(examples)), measured.accuracy(), measured.macroF1(), heldOut.size(),
				compared, examples.size(), (int) branch);
	}

	/** Whether the active model's training could have included this message. */
	private static boolean knewOf(ModelVersion version, Example example) {
		if (example.closedAt() == null) {
			return true;
		}
		return version.source() == ModelSource.BRANCH_HISTORY && !example.closedAt().isAfter(version.createdAt());
	}

	private static List<LabelledText> texts(List<Example> examples) {
		return examples.stream().map(Example::text).toList();
	}

	/** A trained model with its measurements. */
	private record Trained(TextModel model, double accuracy, double macroF1, int heldOutCount,
			Double comparedAccuracy, int trainingCount, int branchCount) {

		/** Ties go to the new model: it has learnt from more of the branch's own messages. */
		boolean beatsActive() {
			return comparedAccuracy == null || accuracy >= comparedAccuracy;
		}

		ModelStore.NewModel toNew(ModelSource source, Instant at, Long by, String byName) {
			return new ModelStore.NewModel(at, source, trainingCount, branchCount, accuracy, macroF1, heldOutCount,
					comparedAccuracy, model.toBytes(), by, byName);
		}

		Map<String, Object> fields() {
			Map<String, Object> fields = new LinkedHashMap<>();
			fields.put("trainingCount", trainingCount);
			fields.put("branchCount", branchCount);
			fields.put("accuracy", Math.round(accuracy * 10000) / 10000.0);
			fields.put("macroF1", Math.round(macroF1 * 10000) / 10000.0);
			fields.put("heldOutCount", heldOutCount);
			fields.put("comparedAccuracy", comparedAccuracy);
			return fields;
		}

	}

}
