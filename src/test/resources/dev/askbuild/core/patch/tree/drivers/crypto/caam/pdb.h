/* SPDX-License-Identifier: GPL-2.0 */
#ifndef CAAM_PDB_H
#define CAAM_PDB_H

#define PDBOPTS_ESP_IPVSN	0x02
#define PDBOPTS_ESP_TUNNEL	0x01

#endif
