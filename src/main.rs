use papershelf::App;

fn main() {
    console_error_panic_hook::set_once();
    papershelf::install_char_folder();
    papershelf::remove_boot_message();
    leptos::mount::mount_to_body(App);
}
