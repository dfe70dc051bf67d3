package cn.shouhu.matters.suggestions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import cn.shouhu.classification.Guess;
import cn.shouhu.classification.TextModel;
import cn.shouhu.classification.Words;
import cn.shouhu.matters.MatterCategories;
import cn.shouhu.matters.MatterCategory;
import cn.shouhu.organization.OrganizationDirectory;
import cn.shouhu.organization.UnitRef;

/**
 * What the intake and dispatch pages suggest for a matter's text and place: the most likely categories, each with
 * the lead unit for it, and open matters that look like the same problem. Suggestions only: the clerk and the
 * coordinator decide.
 */
@Service
public class Suggestions {

	/** How many categories the pages show. */
	public static final int TOP = 3;

	private final ActiveModel model;

	private final MatterCategories categories;

	private final LeadUnits leadUnits;

	private final OrganizationDirectory organization;

	private final DuplicateFinder duplicates;

	Suggestions(ActiveModel model, MatterCategories categories, LeadUnits leadUnits,
			OrganizationDirectory organization, DuplicateFinder duplicates) {
		this.model = model;
		this.categories = categories;
		this.leadUnits = leadUnits;
		this.organization = organization;
		this.duplicates = duplicates;
	}

	/** Whether a model is loaded: without one no category is suggested (duplicates are found all the same). */
	public boolean ready() {
		return model.current().isPresent();
	}

	/** How many days back the duplicate search looks. */
	public int duplicateDays() {
		return duplicates.days();
	}

	/**
	 * The three most likely active categories for this text, most likely first, each with the lead unit for it and
	 * the community; none when there is no text or no model yet. A category the model knows but the dictionary has
	 * deactivated is passed over.
	 */
	public List<CategorySuggestion> categories(MatterText matter) {
		Optional<ActiveModel.Loaded> loaded = model.current();
		if (loaded.isEmpty() || !matter.hasText()
				|| Words.of(nullToEmpty(matter.title()) + "\n" + nullToEmpty(matter.description())).isEmpty()) {
			// Nothing to read (only punctuation, say): no guess rather than the model's prior.
			return List.of();
		}
		TextModel textModel = loaded.get().model();
		Map<String, MatterCategory> active = categories.all()
			.stream()
			.filter(MatterCategory::active)
			.collect(Collectors.toMap(MatterCategory::code, Function.identity()));
		List<Guess> guesses = textModel.top(nullToEmpty(matter.title()), nullToEmpty(matter.description()),
				textModel.labels().size());
		List<CategorySuggestion> suggestions = new ArrayList<>();
		for (Guess guess : guesses) {
			MatterCategory category = active.get(guess.label());
			if (category == null || guess.confidence() <= 0) {
				continue;
			}
			Long unit = leadUnit(category.code(), matter.community()).orElse(null);
			suggestions.add(new CategorySuggestion(category.code(), category.name(), guess.confidence(), unit,
					unit == null ? null : organization.findUnit(unit).map(UnitRef::name).orElse(null)));
			if (suggestions.size() == TOP) {
				break;
			}
		}
		return suggestions;
	}

	/**
	 * The lead unit for a category and a community: the category's fixed unit if it has one, else a unit of its
	 * lead unit type — a station whose jurisdiction (辖区) covers the community — or the only unit of that type.
	 */
	public Optional<Long> leadUnit(String categoryCode, String community) {
		return leadUnits.propose(categoryCode, community);
	}

	/**
	 * Open matters of the last 30 days (by default) that look like the same problem, most similar first, at most
	 * five (by default); {@code self} is the matter's own id, never listed, or 0 for a matter not yet recorded.
	 */
	public List<DuplicateCandidate> duplicates(MatterText matter, long self) {
		return duplicates.find(matter, self);
	}

	private static String nullToEmpty(String text) {
		return text == null ? "" : text;
	}

}
