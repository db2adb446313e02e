/** The database the engine runs on, H2 or PostgreSQL (ADR 0018), and what differs between the two. */
package org.achemine.database;
