package org.govtrust.identity.adapter;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.govtrust.identity.spi.IdentityElements;
import org.govtrust.shared.Simulator;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;

/**
 * The fixture of fictional people behind the simulators, read from
 * {@code classpath:simulator/people.csv} (documented in README).
 */
@Simulator
public class SimulatedPeople {

	private final Map<String, Person> byIdNumber;

	SimulatedPeople() throws IOException {
		this.byIdNumber = load();
	}

	/**
	 * A fixture person.
	 *
	 * @param elements the four elements on record
	 * @param faceOutcome what a face comparison answers
	 * @param networkIdentity whether the person has a CTID network credential
	 */
	public record Person(IdentityElements elements, String faceOutcome, boolean networkIdentity) {

	}

	public Optional<Person> find(String idNumber) {
		return Optional.ofNullable(this.byIdNumber.get(idNumber));
	}

	public List<Person> all() {
		return List.copyOf(this.byIdNumber.values());
	}

	private static Map<String, Person> load() throws IOException {
		Map<String, Person> people = new LinkedHashMap<>();
		ClassPathResource resource = new ClassPathResource("simulator/people.csv");
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				String[] f = line.split(",", -1);
				LocalDate validTo = parseEnd(f[3].strip());
				IdentityElements elements = new IdentityElements(f[0].strip(), f[1].strip(),
						LocalDate.parse(f[2].strip()), validTo);
				people.put(elements.idNumber(), new Person(elements, f[4].strip(), "YES".equals(f[5].strip())));
			}
		}
		return people;
	}

	private static @Nullable LocalDate parseEnd(String value) {
		return "长期".equals(value) ? null : LocalDate.parse(value);
	}

}
