package cn.shouhu.matters.suggestions;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import cn.shouhu.classification.TextModel;

/**
 * The active model in this node's memory. A switch on this node reloads it at once; {@link #refresh()} runs every
 * {@code shouhu.suggestions.refresh-interval} and reads only the active id, loading the bytes when it changed, so
 * a switch made on another node is followed within that interval.
 */
@Component
class ActiveModel {

	private static final Logger log = LoggerFactory.getLogger(ActiveModel.class);

	/** A model and the version it was loaded from. */
	record Loaded(long id, TextModel model) {
	}

	private final ModelStore store;

	private volatile Loaded loaded;

	ActiveModel(ModelStore store) {
		this.store = store;
	}

	Optional<Loaded> current() {
		return Optional.ofNullable(loaded);
	}

	/** Re-reads the active id and loads that model if it is not the one in memory. */
	synchronized void refresh() {
		Optional<Long> active = store.activeId();
		if (active.isEmpty()) {
			loaded = null;
			return;
		}
		long id = active.get();
		Loaded now = loaded;
		if (now != null && now.id() == id) {
			return;
		}
		Optional<byte[]> bytes = store.bytes(id);
		if (bytes.isPresent()) {
			loaded = new Loaded(id, TextModel.fromBytes(bytes.get()));
			log.info("Suggestion model {} loaded", id);
		}
	}

	/** Takes a model this node has just trained and made active, without reading its bytes back. */
	synchronized void use(long id, TextModel model) {
		loaded = new Loaded(id, model);
	}

}
