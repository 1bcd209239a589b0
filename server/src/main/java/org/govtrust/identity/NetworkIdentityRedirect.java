package org.govtrust.identity;

import java.net.URI;

/**
 * Where to send the person to prove their identity with network identity (CTID).
 *
 * @param transactionId the provider transaction
 * @param authorizationUri the address of the provider (or its simulator)
 */
public record NetworkIdentityRedirect(String transactionId, URI authorizationUri) {

}
