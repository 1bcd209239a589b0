package org.govtrust.identity.adapter;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;

import org.govtrust.identity.adapter.SimulatedPeople.Person;
import org.govtrust.identity.spi.AuthorityResult;
import org.govtrust.identity.spi.IdentityAuthority;
import org.govtrust.identity.spi.IdentityElements;
import org.govtrust.shared.Simulator;

/**
 * The identity-authority simulator. A person is known when name, ID number and both dates
 * equal a fixture row; the face outcome is the row's. The image is looked at by nobody and
 * kept nowhere, as a real adapter must do.
 */
@Simulator
public class SimulatedIdentityAuthority implements IdentityAuthority {

	private final SimulatedPeople people;

	private final SecureRandom random = new SecureRandom();

	SimulatedIdentityAuthority(SimulatedPeople people) {
		this.people = people;
	}

	@Override
	public AuthorityResult verify(IdentityElements elements, byte[] faceImage) {
		Person person = this.people.find(elements.idNumber()).orElse(null);
		if (person != null && person.faceOutcome().equals("AUTHORITY_BUSY")) {
			return new AuthorityResult.Busy(Duration.ofSeconds(30));
		}
		if (person != null && person.faceOutcome().equals("AUTHORITY_UNAVAILABLE")) {
			return new AuthorityResult.Unavailable();
		}
		if (person == null || !sameElements(person.elements(), elements)) {
			return new AuthorityResult.ElementsMismatch();
		}
		switch (person.faceOutcome()) {
			case "FACE_MISMATCH":
				return new AuthorityResult.FaceMismatch();
			case "LIVENESS_FAILED":
				return new AuthorityResult.LivenessFailed();
			default:
				byte[] serial = new byte[8];
				this.random.nextBytes(serial);
				return new AuthorityResult.Verified("SIM-" + HexFormat.of().formatHex(serial));
		}
	}

	private static boolean sameElements(IdentityElements record, IdentityElements entered) {
		return record.name().equals(entered.name()) && record.idNumber().equals(entered.idNumber())
				&& record.validFrom().equals(entered.validFrom()) && Objects.equals(record.validTo(), entered.validTo());
	}

}
