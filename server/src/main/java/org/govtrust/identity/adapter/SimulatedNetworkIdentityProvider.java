package org.govtrust.identity.adapter;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.govtrust.identity.adapter.SimulatedPeople.Person;
import org.govtrust.identity.spi.NetworkIdentityProvider;
import org.govtrust.identity.spi.NetworkIdentityResult;
import org.govtrust.shared.Simulator;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The CTID simulator. {@link #start} sends the person to {@code /simulator/ctid/authorize},
 * a page standing in for the CTID app, where they choose a fixture person and approve or
 * decline. Transactions live in this node's memory for 10 minutes (a simulator does not
 * need more).
 */
@Simulator
public class SimulatedNetworkIdentityProvider implements NetworkIdentityProvider {

	private static final Duration LIFETIME = Duration.ofMinutes(10);

	private final Map<String, Transaction> transactions = new ConcurrentHashMap<>();

	private final SimulatedPeople people;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	SimulatedNetworkIdentityProvider(SimulatedPeople people, Clock clock) {
		this.people = people;
		this.clock = clock;
	}

	@Override
	public Start start(URI returnUri) {
		Instant now = this.clock.instant();
		this.transactions.values().removeIf((transaction) -> transaction.startedAt().plus(LIFETIME).isBefore(now));
		byte[] id = new byte[16];
		this.random.nextBytes(id);
		String transactionId = HexFormat.of().formatHex(id);
		this.transactions.put(transactionId, new Transaction(returnUri, now, null, false));
		URI authorize = UriComponentsBuilder.fromPath("/simulator/ctid/authorize")
			.queryParam("transaction", transactionId)
			.build()
			.toUri();
		return new Start(transactionId, authorize);
	}

	@Override
	public NetworkIdentityResult complete(String transactionId) {
		Transaction transaction = this.transactions.get(transactionId);
		if (transaction == null) {
			return new NetworkIdentityResult.Unavailable();
		}
		if (transaction.declined()) {
			this.transactions.remove(transactionId);
			return new NetworkIdentityResult.Declined();
		}
		if (transaction.idNumber() == null) {
			return new NetworkIdentityResult.Pending();
		}
		this.transactions.remove(transactionId);
		Person person = this.people.find(transaction.idNumber()).orElse(null);
		if (person == null || !person.networkIdentity()) {
			return new NetworkIdentityResult.NoCredential();
		}
		return new NetworkIdentityResult.Authenticated(person.elements(), "SIM-CTID-" + transactionId.substring(0, 12));
	}

	/**
	 * The simulated app's answer.
	 * @param transactionId the transaction
	 * @param idNumber the fixture person who approved, or null when declined
	 * @return where to send the person back, if the transaction exists
	 */
	public Optional<URI> answer(String transactionId, @Nullable String idNumber) {
		Transaction transaction = this.transactions.get(transactionId);
		if (transaction == null) {
			return Optional.empty();
		}
		this.transactions.put(transactionId,
				new Transaction(transaction.returnUri(), transaction.startedAt(), idNumber, idNumber == null));
		return Optional.of(transaction.returnUri());
	}

	/**
	 * Whether a transaction is waiting for the app.
	 * @param transactionId the transaction
	 * @return true when known
	 */
	public boolean exists(String transactionId) {
		return this.transactions.containsKey(transactionId);
	}

	private record Transaction(URI returnUri, Instant startedAt, @Nullable String idNumber, boolean declined) {

	}

}
