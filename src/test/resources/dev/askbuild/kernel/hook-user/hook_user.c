// SPDX-License-Identifier: GPL-2.0
/* Calls a hook only the patched test tree exports, like ASK's cdx calls its kernel patch's hooks. */
#include <linux/module.h>
#include <linux/askbuild_hook.h>

static int __init hook_user_init(void)
{
	return askbuild_fast_path_hook(-1);
}

static void __exit hook_user_exit(void)
{
}

module_init(hook_user_init);
module_exit(hook_user_exit);
MODULE_LICENSE("GPL");
