/**
 * Runs the tests a registry carries in its folder ({@code tests/*.json}): records with the issues
 * and computed values they must give, and indicator fixtures with the result they must give. Each
 * failure is located in the test file; {@code ./regforms test} and the definition modules' own
 * tests run them.
 */
package no.regforms.registrytest;
