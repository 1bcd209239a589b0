package org.govtrust.login;

/**
 * The addresses a sign-in form goes on to within its own response, as the GET the browser
 * would otherwise be redirected to make, rather than by redirecting. Only addresses whose own
 * answer is a redirect or a page that may be shown at the form's address qualify: the single
 * sign-on module registers its authorization endpoint, whose answer sends the browser straight
 * on to the app, one round trip sooner. Without such a bean every sign-in redirects.
 */
@FunctionalInterface
public interface ContinuedInPlace {

	/**
	 * @param path the path of the address to go on to, within the application (no context path,
	 * no query)
	 * @return whether the sign-in answers it in its own response
	 */
	boolean continuesInPlace(String path);

}
