package cn.shouhu.organization.internal;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.shouhu.organization.OfficerStatus;
import cn.shouhu.organization.OrganizationSetup;
import cn.shouhu.organization.UnitType;
import cn.shouhu.shared.DataScope;

/** {@link OrganizationSetup} through the same services as the pages, with the whole branch as scope. */
@Service
@Transactional
class SystemOrganizationSetup implements OrganizationSetup {

	private final UnitTree tree;

	private final Roster roster;

	SystemOrganizationSetup(UnitTree tree, Roster roster) {
		this.tree = tree;
		this.roster = roster;
	}

	@Override
	public boolean isEmpty() {
		return tree.isEmpty();
	}

	@Override
	public long createUnit(Long parentId, String name, UnitType type, int sortOrder) {
		return tree.createUnit(parentId, name, type, sortOrder);
	}

	@Override
	public void setJurisdiction(long unitId, List<String> communities, List<String> roads) {
		tree.replaceJurisdiction(unitId, null, communities, roads);
	}

	@Override
	public long createOfficer(String badgeNo, String name, long unitId, String position, boolean partyMember) {
		return roster.create(new Roster.NewOfficer(badgeNo, name, unitId, position, partyMember,
				OfficerStatus.ACTIVE), DataScope.all());
	}

}
