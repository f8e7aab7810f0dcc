#ifndef KP_SUMMARY_H
#define KP_SUMMARY_H

/*
 * The summary of one congress as JSON: each congress object of `progress
 * --format json` carries it under "summary", with everything a merge needs
 * (its people with their particulars, the values behind the medians, its
 * inputs' hashes), so that a province adding its districts' summaries gets
 * the very figures it would get from all the congresses at once
 * (docs/formats.md, "Summaries and merging"). Private to the library.
 */

#include <jansson.h>

#include "kiemphieu/campaign.h"

/* The summary s as a new JSON object. */
json_t *kp_summary_to_json(const struct kp_summary *s);

/* The congress object's campaign fields (org, name, parent, level, pilot,
 * scheduled, state, state_reason, young_under, dir) into j. */
void kp_org_to_json(json_t *j, const struct kp_org *o);

#endif
