package cn.shouhu.organization;

import java.util.List;
import java.util.Optional;

import cn.shouhu.shared.DataScope;

/** Read access to the organisation for other modules. Implemented inside this module. */
public interface OrganizationDirectory {

	Optional<UnitRef> findUnit(long unitId);

	Optional<OfficerRef> findOfficer(long officerId);

	Optional<OfficerRef> findOfficerByBadgeNo(String badgeNo);

	/** Active units in tree order (parents before children, siblings by sort order). */
	List<UnitRef> activeUnits();

	/**
	 * The active station whose jurisdiction (辖区) lists this community or road, by its exact name; empty if none
	 * does, or if the name is blank.
	 */
	Optional<UnitRef> stationCovering(String communityOrRoad);

	/** The data scope covering one unit and everything below it. */
	DataScope subtreeOf(long unitId);

}
