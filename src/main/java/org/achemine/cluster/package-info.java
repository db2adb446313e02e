/**
 * Several engines on one PostgreSQL and one data folder (ADR 0019): this engine's node and heartbeat, claims on
 * the work in hand (files taken, flows reported), and the leadership that runs schedules and triggers.
 */
package org.achemine.cluster;
