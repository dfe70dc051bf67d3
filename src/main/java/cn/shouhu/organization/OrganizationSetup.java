package cn.shouhu.organization;

import java.util.List;

/**
 * Builds the organisation without a signed-in staff member, for the demo-data loader and first installs. It acts
 * as the system, so no data scope applies, but every rule is checked and every change is audited as for staff.
 */
public interface OrganizationSetup {

	/** True while there is no unit at all. */
	boolean isEmpty();

	/**
	 * @param parentId null only for the branch itself, the single root (type {@link UnitType#BRANCH})
	 * @return the new unit's id
	 */
	long createUnit(Long parentId, String name, UnitType type, int sortOrder);

	/** Replaces a station's jurisdiction (辖区): the communities (社区/村) and the roads it covers. */
	void setJurisdiction(long unitId, List<String> communities, List<String> roads);

	/** Registers an officer in active service; @return the new officer's id */
	long createOfficer(String badgeNo, String name, long unitId, String position, boolean partyMember);

}
