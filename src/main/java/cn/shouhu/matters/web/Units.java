package cn.shouhu.matters.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.shouhu.organization.OrganizationDirectory;
import cn.shouhu.organization.UnitRef;
import cn.shouhu.organization.UnitType;

/** The organisation as the matter pages show it: unit names by id, and the choices of the unit selects. */
@Component
class Units {

	private final OrganizationDirectory organization;

	Units(OrganizationDirectory organization) {
		this.organization = organization;
	}

	/** A unit in a select, indented by its depth in the tree. */
	record Choice(long id, String name, UnitType type, int depth) {

		static Choice of(UnitRef unit) {
			int depth = (int) unit.path().chars().filter(c -> c == '/').count() - 2;
			return new Choice(unit.id(), unit.name(), unit.type(), Math.max(depth, 0));
		}

		public String label() {
			return "\u3000".repeat(depth) + name;
		}

	}

	List<Choice> all() {
		return organization.activeUnits().stream().map(Choice::of).toList();
	}

	/** Units of the police, which can lead a matter (an outside agency has no accounts to sign with). */
	List<Choice> police() {
		return all().stream().filter(unit -> unit.type() != UnitType.EXTERNAL_AGENCY).toList();
	}

	/** Names of every unit a page may mention, inactive ones included. */
	Map<Long, String> names(Iterable<Long> ids) {
		Map<Long, String> names = new LinkedHashMap<>();
		for (Long id : ids) {
			if (id != null && !names.containsKey(id)) {
				names.put(id, organization.findUnit(id).map(UnitRef::name).orElse("#" + id));
			}
		}
		return names;
	}

}
