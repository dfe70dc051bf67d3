package cn.shouhu.matters;

import cn.shouhu.shared.InvalidInputException;

/**
 * Where the matter happened: an address, the community (社区/村) it lies in, and a position on the map if the
 * submitter gave one (WGS-84 degrees; both or neither).
 */
public record Place(String address, String community, Double latitude, Double longitude) {

	public Place {
		address = Texts.trimToNull(address);
		community = Texts.trimToNull(community);
	}

	static Place validated(Place place) {
		if (place == null) {
			return null;
		}
		Texts.requireMaxLength(place.address, 300, "place.address");
		Texts.requireMaxLength(place.community, 100, "place.community");
		if ((place.latitude == null) != (place.longitude == null)) {
			throw InvalidInputException.onField("place.latitude", "matters.place.position.incomplete");
		}
		if (place.latitude != null && (Math.abs(place.latitude) > 90 || Math.abs(place.longitude) > 180
				|| place.latitude.isNaN() || place.longitude.isNaN())) {
			throw InvalidInputException.onField("place.latitude", "matters.place.position.invalid");
		}
		return place.address == null && place.community == null && place.latitude == null ? null : place;
	}

}
