package cn.shouhu.matters.suggestions;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.shouhu.matters.MatterCategories;
import cn.shouhu.matters.MatterCategory;
import cn.shouhu.organization.OrganizationDirectory;
import cn.shouhu.organization.UnitRef;
import cn.shouhu.organization.UnitType;

/**
 * Proposes the lead unit for a category and a place: the category's fixed unit if it has one, else a unit of its
 * lead unit type — for stations the one whose jurisdiction (辖区) lists the community, or failing that the one
 * named after it (沼潭社区 → 沼潭派出所); or the only unit of that type. Nothing when it cannot tell: the
 * coordinator chooses.
 */
@Component
class LeadUnits {

	private static final List<String> COMMUNITY_SUFFIXES = List.of("社区居委会", "居委会", "社区", "街道", "嘎查", "村",
			"镇");

	private final MatterCategories categories;

	private final OrganizationDirectory organization;

	LeadUnits(MatterCategories categories, OrganizationDirectory organization) {
		this.categories = categories;
		this.organization = organization;
	}

	Optional<Long> propose(String categoryCode, String community) {
		Optional<MatterCategory> category = categories.find(categoryCode).filter(MatterCategory::active);
		if (category.isEmpty()) {
			return Optional.empty();
		}
		if (category.get().defaultUnitId() != null) {
			return Optional.of(category.get().defaultUnitId());
		}
		UnitType type = category.get().leadUnitType();
		List<UnitRef> candidates = organization.activeUnits().stream().filter(unit -> unit.type() == type).toList();
		if (type == UnitType.STATION) {
			Optional<UnitRef> covering = organization.stationCovering(community);
			if (covering.isPresent()) {
				return Optional.of(covering.get().id());
			}
		}
		String stem = stem(community);
		if (type == UnitType.STATION && stem != null) {
			Optional<UnitRef> named = candidates.stream().filter(unit -> unit.name().startsWith(stem)).findFirst();
			if (named.isPresent()) {
				return Optional.of(named.get().id());
			}
		}
		return candidates.size() == 1 ? Optional.of(candidates.get(0).id()) : Optional.empty();
	}

	private static String stem(String community) {
		if (community == null || community.isBlank()) {
			return null;
		}
		String name = community.strip();
		for (String suffix : COMMUNITY_SUFFIXES) {
			if (name.endsWith(suffix) && name.length() > suffix.length()) {
				name = name.substring(0, name.length() - suffix.length());
				break;
			}
		}
		return name.length() >= 2 ? name : null;
	}

}
