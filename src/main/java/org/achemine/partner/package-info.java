/**
 * Partners (the raccordement model): who connects, which public structures a recipient partner serves, which
 * suppliers an operator may deposit for, and its channel keys; kept in the database, declared in configuration
 * or added by command.
 */
package org.achemine.partner;
