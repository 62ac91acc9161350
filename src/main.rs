use papershelf::App;

/// Reading 100,000 papers makes some millions of allocations: talc's are faster than the
/// default dlmalloc's, and its code smaller.
#[cfg(all(not(target_feature = "atomics"), target_family = "wasm"))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn main() {
    console_error_panic_hook::set_once();
    papershelf::install_char_folder();
    papershelf::remove_boot_message();
    leptos::mount::mount_to_body(App);
}
