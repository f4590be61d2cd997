struct modversion_info { unsigned long crc; char name[64 - sizeof(unsigned long)]; };
static const struct modversion_info ____versions[] __attribute__((used, section("__versions"))) = {
  { 0x12345678, "printk" }, { 0xdeadbeef, "kmalloc_caches" },
};
static const char modinfo[] __attribute__((used, section(".modinfo"), aligned(1))) =
  "license=GPL\0vermagic=6.1.0-56-arm64 SMP mod_unload modversions aarch64\0name=fakemod";
extern int printk(const char *, ...);
int init_module(void) { return printk("hi"); }
