export default "self-index";
